using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Tests.Shared;

namespace QaBot.Cli.Tests;

/// <summary>One set of CLI services (and one built index) for all the hostile questions.</summary>
public sealed class CliFixture : IDisposable
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "qabot-cli-tests", Guid.NewGuid().ToString("N"));

    public CliFixture()
    {
        Services = CommandsTests.Services(null, _index);
        Advisory = Services.GetRequiredService<IOptions<SafetyOptions>>().Value.Advisory;
    }

    public ServiceProvider Services { get; }

    public string Advisory { get; }

    public void Dispose()
    {
        Services.Dispose();
        if (Directory.Exists(_index)) Directory.Delete(_index, recursive: true);
    }
}

/// <summary>The hostile list through the qabot CLI: every question gets a JSON reply that ends with the advice, and exit code 0.</summary>
public sealed class HostileInputTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Theory]
    [MemberData(nameof(HostileInputs.Theory), MemberType = typeof(HostileInputs))]
    public async Task AskAnswersHostileTextWithTheAdvice(string question)
    {
        var (code, output, error) = await CommandsTests.Run(cli.Services, "", ["ask", "--json", question]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        AssertReply(JsonDocument.Parse(output).RootElement);
    }

    [Fact]
    public async Task AskJsonlAnswersEveryLineOfTheWholeListInOrder()
    {
        var input = string.Join('\n', HostileInputs.All);
        var lines = 0;
        using (var reader = new StringReader(input)) while (reader.ReadLine() is not null) lines++;

        var (code, output, _) = await CommandsTests.Run(cli.Services, input, ["ask", "--jsonl"]);

        Assert.Equal(0, code);
        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, replies.Length);
        Assert.All(replies, line => AssertReply(JsonDocument.Parse(line).RootElement));
    }

    [Fact]
    public async Task AskAnswersAQuestionPastTheLengthLimitFromItsStart()
    {
        var limit = cli.Services.GetRequiredService<IOptions<AnsweringOptions>>().Value.MaxQuestionChars;
        var question = "Can kratom cause hair loss?".PadRight(limit) + "My friend took too many pills and is not breathing.";

        var (_, whole, _) = await CommandsTests.Run(cli.Services, "", ["ask", "--json", question]);
        var (_, start, _) = await CommandsTests.Run(cli.Services, "", ["ask", "--json", question[..limit]]);

        Assert.Equal(start, whole);
        Assert.Equal("answered", JsonDocument.Parse(whole).RootElement.GetProperty("status").GetString());
    }

    private void AssertReply(JsonElement reply)
    {
        Assert.Equal(cli.Advisory, reply.GetProperty("advisory").GetString());
        Assert.EndsWith(cli.Advisory, reply.GetProperty("text").GetString());
        Assert.Contains(reply.GetProperty("status").GetString(), new[] { "answered", "not_found", "emergency", "chitchat" });
    }
}
