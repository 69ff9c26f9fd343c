using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

/// <summary>The seam a model composer plugs into: the core checks every draft and falls back when it cannot trust it.</summary>
public sealed class DraftComposerTests
{
    private sealed class ScriptedComposer(Func<IReadOnlyList<Passage>, Draft> script) : IDraftComposer
    {
        public int Calls { get; private set; }

        public string? Question { get; private set; }

        public string Name => "model";

        public Task<Draft> DraftAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
        {
            Calls++;
            Question = question;
            return Task.FromResult(script(passages));
        }
    }

    private static async Task<(Reply Reply, ScriptedComposer Composer)> Ask(string question, Func<IReadOnlyList<Passage>, Draft> script)
    {
        var composer = new ScriptedComposer(script);
        using var services = TestCorpus.Services(configure: s => s.AddSingleton<IDraftComposer>(composer));
        return (await TestCorpus.Answerer(services).AnswerAsync(question), composer);
    }

    [Fact]
    public async Task AVerifiedDraftLeadsWithTheModelsWordsThenTheQuotesThenTheAdvice()
    {
        var (reply, _) = await Ask("What are the risks of using kratom?",
            p => new Draft("The article lists these risks:", [new Citation(p[0].Id), new Citation(p[1].Id)]));
        Assert.Equal("model", reply.Composer);
        Assert.StartsWith("The article lists these risks:", reply.Text);
        Assert.Equal(2, reply.Quotes.Count);
        Assert.All(reply.Quotes, q => Assert.True(Verbatim.IsIn(q.Text, TestCorpus.Article)));
        Assert.EndsWith(reply.Advisory, reply.Text);
    }

    [Fact]
    public async Task TheModelSeesTheQuestionAsThePersonWroteIt()
    {
        var (_, composer) = await Ask("What are the RISKS of using Kratom?\u0007", p => new Draft("Risks:", [new Citation(p[0].Id)]));
        Assert.Equal("What are the RISKS of using Kratom?", composer.Question);
    }

    [Fact]
    public async Task AnExactSpanOfAPassageIsQuotedAsGiven()
    {
        var (reply, _) = await Ask("What are the risks of using kratom?", p =>
        {
            var risks = p.First(x => x.Text.Contains("adverse effects", StringComparison.Ordinal));
            return new Draft("One passage names them:", [new Citation(risks.Id, "there are potential risks, including dependence, tolerance")]);
        });
        Assert.Equal("model", reply.Composer);
        Assert.Equal("there are potential risks, including dependence, tolerance", Assert.Single(reply.Quotes).Text);
    }

    public static TheoryData<string, Func<IReadOnlyList<Passage>, Draft>> Untrustworthy => new()
    {
        { "an invented quote", p => new Draft("Here:", [new Citation(p[0].Id, "kratom is completely safe for everyone at any dose")]) },
        { "an unknown id", p => new Draft("Here:", [new Citation("made-up.txt#99")]) },
        { "no citation", _ => new Draft("Kratom is safe.", []) },
        { "a rambling lead-in", p => new Draft(new string('x', 500), [new Citation(p[0].Id)]) },
        { "a lead-in with a dose", p => new Draft("Take 5 grams; the article says:", [new Citation(p[0].Id)]) },
        { "a model error", _ => throw new HttpRequestException("500 Internal Server Error") },
    };

    [Theory]
    [MemberData(nameof(Untrustworthy))]
    public async Task AnUntrustworthyDraftFallsBackToTheExtractiveAnswer(string kind, Func<IReadOnlyList<Passage>, Draft> script)
    {
        var (reply, composer) = await Ask("What are the risks of using kratom?", script);
        Assert.Equal(1, composer.Calls);
        Assert.True(reply.Composer == "extractive", kind);
        Assert.StartsWith("Here is what the article says:", reply.Text);
        Assert.EndsWith(reply.Advisory, reply.Text);
    }

    [Fact]
    public async Task ADraftThatDropsASideOfDisagreeingEvidenceFallsBack()
    {
        var (reply, _) = await Ask("Can kratom cause hair loss?", p => new Draft("Only one side:", [new Citation(p[0].Id)]));
        Assert.Equal("extractive", reply.Composer);
        Assert.StartsWith("The article says different things", reply.Text);
    }

    [Theory]
    [InlineData("I think I'm overdosing")]
    [InlineData("hello")]
    [InlineData("What is the capital of France?")]
    public async Task TheModelIsNeverAskedAboutEmergenciesSmallTalkOrWhatIsNotCovered(string question)
    {
        var (reply, composer) = await Ask(question, p => new Draft("x", [new Citation(p[0].Id)]));
        Assert.Equal(0, composer.Calls);
        Assert.NotEqual("model", reply.Composer);
    }
}
