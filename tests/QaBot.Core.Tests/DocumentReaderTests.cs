using QaBot.Core.Documents;

namespace QaBot.Core.Tests;

public sealed class DocumentReaderTests
{
    private static readonly CorpusDocument Article = PlainTextReader.Read("kratom-opioid-withdrawal.txt", TestCorpus.Article);

    [Fact]
    public void TitleIsTheQuotedTitleCaseOpeningWithoutItsSubtitle() =>
        Assert.Equal("Exploring Kratom as a Potential Solution for Opioid Withdrawal", Article.Title);

    [Fact]
    public void HeadingsArePlainLinesAndTheBulletedListIsOnlyATableOfContents()
    {
        Assert.Equal(
            ["Understanding Kratom: A Natural Alternative", "Mechanisms Behind Kratom's Efficacy in Withdrawal", "Managing Opioid Withdrawal with Kratom: Potential Risks and Hair Loss"],
            Article.Sections);
        Assert.DoesNotContain(Article.Sentences, s => s.Text.StartsWith("- ", StringComparison.Ordinal));
        Assert.DoesNotContain(Article.Sentences, s => Article.Sections.Contains(s.Text));
    }

    [Fact]
    public void TheParagraphBeforeTheTitleIsTheSummaryAndTheTitleParagraphTheIntroduction()
    {
        Assert.StartsWith("Kratom from Mitragyna speciosa aids", Article.Sentences[0].Text);
        Assert.Equal("Summary", Article.Sentences[0].Section);
        var title = Article.Sentences.Single(s => s.Text.Contains("A Comprehensive Guide."));
        Assert.Equal("Introduction", title.Section);
    }

    [Fact]
    public void SentencesAreVerbatimAndCoverEveryContentLine()
    {
        Assert.All(Article.Sentences, s => Assert.Equal(s.Text, Article.Text[s.Start..s.End]));
        Assert.Equal(35, Article.Sentences.Count);
        var last = Article.Sentences[^1];
        Assert.StartsWith("For those considering kratom as part of their withdrawal plan", last.Text);
        Assert.Equal("Managing Opioid Withdrawal with Kratom: Potential Risks and Hair Loss", last.Section);
    }

    [Fact]
    public void ADashInsideASentenceDoesNotEndIt() =>
        Assert.Contains(Article.Sentences, s => s.Text.EndsWith("anxiety\u2014common issues during opioid withdrawal.", StringComparison.Ordinal));

    [Fact]
    public void ASentenceEndsAfterItsClosingCurlyQuote() =>
        Assert.Contains(Article.Sentences, s => s.Text.EndsWith("growing trend.\u201D", StringComparison.Ordinal));

    [Theory]
    [InlineData("Dr. Smith studied it, e.g. in 2019. Results vary.", new[] { "Dr. Smith studied it, e.g. in 2019.", "Results vary." })]
    [InlineData("He said \u201CStop.\u201D Then he left! Did he? Yes\u2026 he did.", new[] { "He said \u201CStop.\u201D", "Then he left!", "Did he?", "Yes\u2026 he did." })]
    [InlineData("Doses of 1.5 g were used by J. Smith in the U.S. and it worked.", new[] { "Doses of 1.5 g were used by J. Smith in the U.S. and it worked." })]
    [InlineData("It helps\u2014sometimes. (Not always.) Ask first.", new[] { "It helps\u2014sometimes.", "(Not always.)", "Ask first." })]
    public void SplitsSentencesAroundQuotesDashesAndAbbreviations(string text, string[] expected)
    {
        var sentences = SentenceSplitter.Split(text, 0, text.Length).Select(r => text[r.Start..r.End]).ToArray();
        Assert.Equal(expected, sentences);
    }

    [Fact]
    public void MarkdownUsesHashHeadingsAndKeepsContentBullets()
    {
        var text = "# Tapering Guide\n\nA short intro that wraps\nonto a second line.\n\n## Steps\n\n- Drink water every day.\n- Eat regular meals.\n\n## Notes\n\nSee a doctor first.\n";
        var doc = MarkdownReader.Read("taper.md", text);
        Assert.Equal("Tapering Guide", doc.Title);
        Assert.Equal(["Steps", "Notes"], doc.Sections);
        Assert.Contains(doc.Sentences, s => s.Text == "A short intro that wraps onto a second line." && s.Section == "Introduction");
        Assert.Contains(doc.Sentences, s => s.Text == "Drink water every day." && s.Section == "Steps");
        Assert.Contains(doc.Sentences, s => s.Text == "See a doctor first." && s.Section == "Notes");
    }

    [Fact]
    public void ADocumentWithoutATitleIsNamedAfterItsFile()
    {
        var doc = PlainTextReader.Read("sleep-and-withdrawal.txt", "Sleep often suffers during withdrawal. It gets better.");
        Assert.Equal("Sleep And Withdrawal", doc.Title);
        Assert.Equal(2, doc.Sentences.Count);
    }
}
