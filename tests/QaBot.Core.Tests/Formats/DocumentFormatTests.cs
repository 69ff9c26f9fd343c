using System.Text;
using QaBot.Core.Answering;
using QaBot.Core.Documents;

namespace QaBot.Core.Tests.Formats;

/// <summary>Each reader over the same handout: title, section paths, passages, page furniture left out, verbatim text.</summary>
public sealed class DocumentFormatTests
{
    public static TheoryData<string> Formats => new() { ".md", ".html", ".pdf", ".docx" };

    internal static byte[] Bytes(string extension) => extension switch
    {
        ".md" => Encoding.UTF8.GetBytes(SampleDocuments.Markdown()),
        ".html" => Encoding.UTF8.GetBytes(SampleDocuments.Html()),
        ".pdf" => SampleDocuments.Pdf(),
        ".docx" => SampleDocuments.Docx(),
        _ => throw new ArgumentOutOfRangeException(nameof(extension)),
    };

    private static CorpusDocument Read(string extension)
    {
        var name = "sleep" + extension;
        using var content = new MemoryStream(Bytes(extension));
        return DocumentReaders.For(name)!.Read(name, content);
    }

    [Theory, MemberData(nameof(Formats))]
    public void EveryFormatFindsTheTitleAndTheSectionsInOrder(string extension)
    {
        var document = Read(extension);
        Assert.Equal(SampleDocuments.Title, document.Title);
        Assert.Equal([SampleDocuments.WhySleepSuffers, SampleDocuments.WhatHelps, SampleDocuments.EveningRoutine], document.Sections);
    }

    [Theory, MemberData(nameof(Formats))]
    public void EveryFormatKeepsEachSentenceWholeUnderItsSectionPath(string extension)
    {
        var document = Read(extension);
        var restless = Assert.Single(document.Sentences, s => s.Text == SampleDocuments.Restless);
        Assert.Equal(SampleDocuments.WhySleepSuffers, restless.Section);
        Assert.Contains(document.Sentences, s => s.Text == SampleDocuments.Rebound);
        var bedtime = Assert.Single(document.Sentences, s => s.Text == SampleDocuments.Bedtime);
        Assert.Equal(SampleDocuments.EveningRoutine, bedtime.Section);
        Assert.Equal("What Helps \u203A Evening Routine", bedtime.Path);
    }

    [Theory, MemberData(nameof(Formats))]
    public void AListItemIsAPassageOfItsOwn(string extension)
    {
        var document = Read(extension);
        var screens = Assert.Single(document.Sentences, s => s.Text == SampleDocuments.Screens);
        var caffeine = Assert.Single(document.Sentences, s => s.Text == SampleDocuments.Caffeine);
        var bedtime = Assert.Single(document.Sentences, s => s.Text == SampleDocuments.Bedtime);
        Assert.NotEqual(screens.Paragraph, caffeine.Paragraph);
        Assert.NotEqual(bedtime.Paragraph, screens.Paragraph);
    }

    [Theory, MemberData(nameof(Formats))]
    public void NavigationHeadersFootersScriptsCodeAndPageNumbersAreNeverContent(string extension)
    {
        var document = Read(extension);
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains(SampleDocuments.Furniture, StringComparison.Ordinal));
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains("Contact us", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains("[1]", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Sentences, s => s.Text.Trim() is "1" or "2");
        Assert.DoesNotContain(document.Sentences, s => s.Text == SampleDocuments.Title || document.Sections.Contains(s.Text));
    }

    [Theory, MemberData(nameof(Formats))]
    public void SentencesAreTheTextTheReaderExtracted(string extension)
    {
        var document = Read(extension);
        Assert.All(document.Sentences, s => Assert.Equal(s.Text, TextFolding.FoldWhitespace(document.Text.AsSpan(s.Start, s.End - s.Start))));
    }

    [Theory]
    [InlineData(".md")]
    [InlineData(".html")]
    [InlineData(".docx")]
    public void ATableRowIsAPassageAndItsHeaderRowIsNot(string extension)
    {
        var document = Read(extension);
        Assert.Contains(document.Sentences, s => s.Text == SampleDocuments.TableRow);
        Assert.DoesNotContain(document.Sentences, s => s.Text.StartsWith("Remedy", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkdownQuotesAreWordForWordInTheFile()
    {
        var source = SampleDocuments.Markdown();
        var document = Read(".md");
        Assert.All(document.Sentences, s => Assert.True(Verbatim.IsIn(s.Text, source), s.Text));
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains("author:", StringComparison.Ordinal));
    }

    [Fact]
    public void PdfSentencesCarryTheirPageAndAreMendedAcrossLinesAndPages()
    {
        var document = Read(".pdf");
        Assert.All(document.Sentences, s => Assert.NotNull(s.Page));
        Assert.Equal(1, document.Sentences.Single(s => s.Text == SampleDocuments.Restless).Page);
        // Begins on page one and ends on page two: one sentence, cited where it begins.
        Assert.Equal(1, document.Sentences.Single(s => s.Text == SampleDocuments.Rebound).Page);
        Assert.Equal(2, document.Sentences.Single(s => s.Text == SampleDocuments.Bedtime).Page);
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains("with- drawal", StringComparison.Ordinal));
    }

    [Fact]
    public void AHyphenAtALineEndIsDroppedOnlyWhereItBrokeAWord()
    {
        using var content = new MemoryStream(SampleDocuments.PdfOfLines(
            "Some people report stimulant-", "like effects and poor sleep during with-", "drawal. Withdrawal passes."));
        var document = DocumentReaders.For("notes.pdf")!.Read("notes.pdf", content);
        Assert.Equal("Some people report stimulant-like effects and poor sleep during withdrawal.", document.Sentences[0].Text);
    }

    [Fact]
    public void OtherFormatsHaveNoPages() =>
        Assert.All(new[] { ".md", ".html", ".docx" }.SelectMany(e => Read(e).Sentences), s => Assert.Null(s.Page));

    [Fact]
    public void LigaturesAreSpeltOut() =>
        Assert.Equal("official findings", TextFolding.MendLigatures("o\uFB03cial \uFB01ndings"));

    [Fact]
    public void APdfWithoutTextIsReportedAsNeedingTextRecognition()
    {
        using var content = new MemoryStream(SampleDocuments.PdfWithoutText());
        var error = Assert.Throws<UnreadableDocumentException>(() => DocumentReaders.For("scan.pdf")!.Read("scan.pdf", content));
        Assert.Contains("no text layer", error.Message, StringComparison.Ordinal);
    }
}
