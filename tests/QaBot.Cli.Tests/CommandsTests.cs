using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Hosting;

namespace QaBot.Cli.Tests;

public sealed class CommandsTests : IDisposable
{
    private static readonly string Root = QaBotRoot.Find();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qabot-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    /// <summary>The CLI's own services over the repository's appsettings.json, with the documents and index given.</summary>
    internal static ServiceProvider Services(string? documents, string index)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:DocumentsPath"] = documents ?? Path.Combine(Root, "index", "documents"),
                ["Index:Path"] = index,
            })
            .Build();
        return CliServices.Build(Root, configuration);
    }

    /// <summary>Runs one qabot command in process and returns its exit code, standard output and standard error.</summary>
    internal static async Task<(int Code, string Out, string Err)> Run(IServiceProvider services, string input, string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await Commands.RunAsync(args, services, new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(int Code, string Out, string Err)> Run(string input, string[] args, string? documents = null, string? index = null)
    {
        using var services = Services(documents, index ?? Path.Combine(_work, "lucene"));
        return await Run(services, input, args);
    }

    [Fact]
    public async Task AskJsonlWritesOneReplyObjectPerInputLineInOrder()
    {
        var (code, output, _) = await Run("Is kratom addictive?\n\nWhat is the capital of France?\nhello\n", ["ask", "--jsonl"]);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var statuses = lines.Select(l => JsonDocument.Parse(l).RootElement).Select(e =>
        {
            Assert.Contains(e.GetProperty("advisory").GetString()!, e.GetProperty("text").GetString()!);
            Assert.Equal(JsonValueKind.Array, e.GetProperty("quotes").ValueKind);
            return e.GetProperty("status").GetString()!;
        }).ToArray();
        Assert.Equal(new[] { "answered", "not_found", "not_found", "chitchat" }, statuses);
        var quote = JsonDocument.Parse(lines[0]).RootElement.GetProperty("quotes")[0];
        foreach (var field in new[] { "text", "document", "section", "score" }) Assert.True(quote.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task AskPrintsTheReadableReplyEndingWithTheAdvice()
    {
        var (code, output, _) = await Run("", ["ask", "Can", "kratom", "cause", "hair", "loss?"]);
        Assert.Equal(0, code);
        Assert.Contains("\u201C", output);
        Assert.Contains("section", output);
        Assert.Contains("medical professional", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task IndexRebuildsAndSaysWhatItIndexed()
    {
        var (code, output, _) = await Run("", ["index"]);
        Assert.Equal(0, code);
        Assert.Contains("Indexed 35 sentences from 1 document(s)", output);
        Assert.Contains("Exploring Kratom as a Potential Solution for Opioid Withdrawal", output);
    }

    [Fact]
    public async Task ReadShowsEachPassageWithItsSectionPathAndAFileItCannotReadWithTheReason()
    {
        Directory.CreateDirectory(_work);
        var markdown = Path.Combine(_work, "taper.md");
        await File.WriteAllTextAsync(markdown, "# Tapering Guide\n\n## Steps\n\n### First week\n\nCut the dose slowly. Drink water.\n\n- Eat regular meals.\n");
        var (code, output, _) = await Run("", ["read", markdown]);
        Assert.Equal(0, code);
        Assert.Contains("\u201CTapering Guide\u201D: 3 sentences in 2 passages, 2 sections.", output);
        Assert.Contains("[Steps \u203A First week]\n  Cut the dose slowly.\n  Drink water.", output.ReplaceLineEndings("\n"));

        var broken = Path.Combine(_work, "scan.pdf");
        await File.WriteAllTextAsync(broken, "%PDF-1.7 not really");
        var (brokenCode, _, error) = await Run("", ["read", broken]);
        Assert.Equal(65, brokenCode);
        Assert.Contains("scan.pdf cannot be read: it is not a readable PDF", error);
    }

    [Fact]
    public async Task ChatAnswersUntilAnEmptyLineAndShowsMoreOnRequest()
    {
        var (code, output, _) = await Run("What are the risks of using kratom?\nmore\n\n", ["chat"]);
        Assert.Equal(0, code);
        Assert.Contains("Here is what the article says", output);
        Assert.Contains("Here is more of what the article says", output);
    }

    [Theory]
    [InlineData("tell me more")]
    [InlineData("Tell me more!")]
    [InlineData("go on")]
    public async Task ChatAnswersTellMeMoreWithTheNextPassages(string more)
    {
        using var services = Services(null, Path.Combine(_work, "lucene"));
        var answerer = services.GetRequiredService<Core.Answering.IQuestionAnswerer>();
        var first = await answerer.AnswerAsync("What are the risks of using kratom?");
        var next = await answerer.AnswerAsync("What are the risks of using kratom?", first.Quotes.Count);

        var (code, output, _) = await Run(services, $"What are the risks of using kratom?\n{more}\n\n", ["chat"]);

        Assert.Equal(0, code);
        Assert.Contains(next.Quotes[0].Text, output);
        Assert.Contains("Here is more of what the article says", output);
    }

    [Fact]
    public async Task ChatKeepsTheQuestionAcrossThanksSoMoreStillFollowsIt()
    {
        var (code, output, _) = await Run("What are the risks of using kratom?\nthanks\nmore\n\n", ["chat"]);

        Assert.Equal(0, code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "You're welcome"));
        Assert.Contains("Here is more of what the article says", output);
    }

    [Fact]
    public async Task AMissingCorpusIsAClearMessageAndANonZeroExit()
    {
        var (code, output, error) = await Run("", ["ask", "hello"], documents: Path.Combine(_work, "missing"));
        Assert.NotEqual(0, code);
        Assert.Empty(output);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public async Task ACorpusWithNothingReadableIsAClearMessageAndANonZeroExit()
    {
        var documents = Path.Combine(_work, "documents");
        Directory.CreateDirectory(documents);
        await File.WriteAllBytesAsync(Path.Combine(documents, "bad.txt"), [0xC3, 0x28, 0xFF]);
        var (code, _, error) = await Run("", ["ask", "Is kratom addictive?"], documents: documents);
        Assert.NotEqual(0, code);
        Assert.Contains("No readable", error);
    }

    [Fact]
    public async Task AnIndexThatCannotBeWrittenIsAClearMessageAndANonZeroExit()
    {
        Directory.CreateDirectory(_work);
        var blocked = Path.Combine(_work, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the index folder should be");
        var (code, _, error) = await Run("", ["index"], index: blocked);
        Assert.NotEqual(0, code);
        Assert.Contains("index could not be read or built", error);
    }

    [Fact]
    public async Task ABrokenIndexIsRebuiltAndTheQuestionAnswered()
    {
        var index = Path.Combine(_work, "lucene");
        Assert.Equal(0, (await Run("", ["index"], index: index)).Code);
        foreach (var folder in Directory.GetDirectories(index))
        foreach (var file in Directory.GetFiles(folder, "*.cfs").Concat(Directory.GetFiles(folder, "segments*")))
            await File.WriteAllTextAsync(file, "garbage");
        var (code, output, _) = await Run("", ["ask", "Is kratom addictive?"], index: index);
        Assert.Equal(0, code);
        Assert.Contains("dependence", output);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("ask")]
    public async Task AnUnknownCommandPrintsUsageAndFails(params string[] args)
    {
        var (code, _, error) = await Run("", args);
        Assert.Equal(64, code);
        Assert.Contains("usage:", error);
    }
}
