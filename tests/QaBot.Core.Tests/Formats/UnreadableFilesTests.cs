using System.Text;
using QaBot.Core.Answering;
using QaBot.Core.Documents;

namespace QaBot.Core.Tests.Formats;

/// <summary>A folder with a good and a broken file of each format: the broken ones are skipped with a reason, the rest answer.</summary>
public sealed class UnreadableFilesTests : IDisposable
{
    private readonly string _documents = TestCorpus.NewTempFolder();

    public UnreadableFilesTests()
    {
        foreach (var extension in new[] { ".md", ".html", ".pdf", ".docx" })
            File.WriteAllBytes(Path.Combine(_documents, "good" + extension), DocumentFormatTests.Bytes(extension));
        var pdf = SampleDocuments.Pdf();
        File.WriteAllBytes(Path.Combine(_documents, "cut-short.pdf"), pdf[..(pdf.Length / 3)]);
        File.WriteAllBytes(Path.Combine(_documents, "scan.pdf"), SampleDocuments.PdfWithoutText());
        var docx = SampleDocuments.Docx();
        File.WriteAllBytes(Path.Combine(_documents, "corrupt.docx"), docx[..(docx.Length / 2)]);
        File.WriteAllBytes(Path.Combine(_documents, "latin1.md"), Encoding.Latin1.GetBytes("# Caf\u00E9\n\nCaf\u00E9 au lait is not covered here."));
        File.WriteAllText(Path.Combine(_documents, "empty.html"), "<html><body><nav>Home</nav><script>x()</script></body></html>");
    }

    public void Dispose() => Directory.Delete(_documents, recursive: true);

    [Fact]
    public void EachBrokenFileIsSkippedWithAReasonAndTheOthersLoad()
    {
        var corpus = Corpus.Load(_documents);
        Assert.Equal(["good.docx", "good.html", "good.md", "good.pdf"], corpus.Documents.Select(d => d.FileName).Order(StringComparer.Ordinal));
        var reasons = corpus.Skipped.ToDictionary(s => s.FileName, s => s.Reason);
        Assert.Equal(["corrupt.docx", "cut-short.pdf", "empty.html", "latin1.md", "scan.pdf"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not a readable PDF", reasons["cut-short.pdf"], StringComparison.Ordinal);
        Assert.Contains("no text layer", reasons["scan.pdf"], StringComparison.Ordinal);
        Assert.Contains("not a readable Word document", reasons["corrupt.docx"], StringComparison.Ordinal);
        Assert.Contains("not UTF-8", reasons["latin1.md"], StringComparison.Ordinal);
        Assert.Contains("no text", reasons["empty.html"], StringComparison.Ordinal);
        Assert.All(reasons.Values, r => Assert.DoesNotContain(_documents, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuoteFromAPdfCarriesItsPageAndThePathOfItsSection()
    {
        foreach (var other in new[] { "good.md", "good.html", "good.docx" }) File.Delete(Path.Combine(_documents, other));
        using var services = TestCorpus.Services(_documents);
        var reply = await TestCorpus.Answerer(services).AnswerAsync("is a regular bedtime recommended for sleep in recovery?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        var quote = reply.Quotes[0];
        Assert.Equal(SampleDocuments.Bedtime, quote.Text);
        Assert.Equal(2, quote.Page);
        Assert.Equal("Sleep During Opioid Withdrawal \u203A What Helps \u203A Evening Routine", quote.Path);
        Assert.Contains("p. 2", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"page\":2", ReplyJson.Serialize(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("good.md")]
    [InlineData("good.html")]
    [InlineData("good.pdf")]
    [InlineData("good.docx")]
    public async Task TheSameQuestionsGetTheSameFirstQuoteFromEveryFormat(string keep)
    {
        foreach (var file in Directory.EnumerateFiles(_documents).Where(f => Path.GetFileName(f) != keep)) File.Delete(file);
        using var services = TestCorpus.Services(_documents);
        var answerer = TestCorpus.Answerer(services);
        var expected = new Dictionary<string, string>
        {
            ["what wakes people up at night in the first week of withdrawal"] = SampleDocuments.Restless,
            ["how long until my sleep is normal again after quitting"] = SampleDocuments.Rebound,
            ["can caffeine keep me awake at night"] = SampleDocuments.Caffeine,
        };
        var misses = new List<string>();
        foreach (var (question, quote) in expected)
        {
            var reply = await answerer.AnswerAsync(question);
            if (reply.Status != ReplyStatus.Answered || reply.Quotes[0].Text != quote || reply.Quotes[0].Document != SampleDocuments.Title)
                misses.Add($"{question} -> {reply.Status}: {reply.Quotes.FirstOrDefault()?.Text}");
        }
        Assert.Empty(misses);
    }
}
