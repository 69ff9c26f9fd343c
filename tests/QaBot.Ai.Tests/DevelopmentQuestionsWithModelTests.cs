using QaBot.Core.Answering;
using Xunit.Abstractions;
using static QaBot.Core.Tests.DevelopmentQuestions;

namespace QaBot.Ai.Tests;

/// <summary>
/// The development questions through the pipeline with a (fake) model that cites the ids it was
/// given, best first, scored as the core's test scores them without one: the same bars, and no
/// worse than without the model.
/// </summary>
public sealed class DevelopmentQuestionsWithModelTests(ITestOutputHelper output)
{
    private sealed record Score(int Answered, int Top1, int SidesAsked, int SidesShown, int FalseEmergency, int ByModel, List<string> Misses);

    private static async Task<Score> Run(IQuestionAnswerer answerer, List<Question> questions)
    {
        var score = new Score(0, 0, 0, 0, 0, 0, []);
        foreach (var q in questions)
        {
            var reply = await answerer.AnswerAsync(q.Text);
            Assert.EndsWith(reply.Advisory, reply.Text);
            Assert.Matches("(?i)doctor|medical|health", reply.Advisory);
            Assert.All(reply.Quotes, quote => Assert.True(Verbatim.IsIn(quote.Text, TestCorpus.Article), $"not verbatim: {quote.Text}"));
            if (reply.Composer == "model") score = score with { ByModel = score.ByModel + 1 };
            if (reply.Status == ReplyStatus.Emergency && q.Expect != "emergency") score = score with { FalseEmergency = score.FalseEmergency + 1 };
            if (q.Expect != "answered")
            {
                if (StatusName(reply.Status) != q.Expect) score.Misses.Add($"[{q.Expect}] {q.Text} -> {StatusName(reply.Status)}");
                continue;
            }
            var top1 = reply.Status == ReplyStatus.Answered && reply.Quotes.Count > 0 && q.Gold.Any(g => Overlaps(reply.Quotes[0].Text, g));
            score = score with { Answered = score.Answered + 1, Top1 = score.Top1 + (top1 ? 1 : 0) };
            if (!top1) score.Misses.Add($"[answered] {q.Text} -> {StatusName(reply.Status)} ({reply.Composer}): {reply.Quotes.FirstOrDefault()?.Text}");
            if (q.Sides is null) continue;
            var shown = q.Sides.All(side => reply.Quotes.Take(3).Any(quote => side.Any(g => Overlaps(quote.Text, g))));
            score = score with { SidesAsked = score.SidesAsked + 1, SidesShown = score.SidesShown + (shown ? 1 : 0) };
            if (!shown) score.Misses.Add($"[one-sided] {q.Text} ({reply.Composer})");
        }
        return score;
    }

    [Fact]
    public async Task TheDevelopmentQuestionsScoreNoWorseWithTheModelThanWithout()
    {
        var questions = Load();
        await using var server = await FakeModelServer.StartAsync(FakeModelServer.CitesWhatItIsGiven);
        using var withModel = ModelHost.Services(server);
        using var without = TestCorpus.Services();

        var model = await Run(TestCorpus.Answerer(withModel), questions);
        var plain = await Run(TestCorpus.Answerer(without), questions);

        model.Misses.ForEach(m => output.WriteLine("model: " + m));
        output.WriteLine($"with the model: answered@1 {model.Top1}/{model.Answered}, both-sides {model.SidesShown}/{model.SidesAsked}, false-emergency {model.FalseEmergency}, composed by the model {model.ByModel}/{questions.Count}");
        output.WriteLine($"without:        answered@1 {plain.Top1}/{plain.Answered}, both-sides {plain.SidesShown}/{plain.SidesAsked}, false-emergency {plain.FalseEmergency}");

        Assert.True(model.Top1 >= 0.95 * model.Answered, $"answered@1 {model.Top1}/{model.Answered}:\n{string.Join('\n', model.Misses)}");
        Assert.True(model.Top1 >= plain.Top1, $"the model lost answers: {model.Top1} < {plain.Top1}");
        Assert.DoesNotContain(model.Misses, m => !m.StartsWith("[answered]", StringComparison.Ordinal) && !m.StartsWith("[one-sided]", StringComparison.Ordinal));
        Assert.Equal(model.SidesAsked, model.SidesShown);
        Assert.Equal(0, model.FalseEmergency);
        Assert.True(model.ByModel > 0, "the model composed no reply");
    }
}
