using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

public sealed class ConcurrencyTests(ArticleFixture article) : IClassFixture<ArticleFixture>
{
    [Fact]
    public async Task TwoHundredQuestionsAtOnceEachGetTheirOwnAnswer()
    {
        (string Question, string Expect)[] kinds =
        [
            ("Can kratom cause hair loss?", "hair loss"),
            ("Is kratom addictive?", "dependence"),
            ("Does kratom affect dopamine or serotonin?", "dopamine"),
            ("Has kratom been used in traditional medicine?", "traditional medicine"),
        ];
        var asked = Enumerable.Range(0, 200).Select(i => kinds[i % kinds.Length]).ToArray();
        var replies = await Task.WhenAll(asked.Select(a => Task.Run(() => article.Answerer.AnswerAsync(a.Question))));
        for (var i = 0; i < asked.Length; i++)
        {
            Assert.Equal(ReplyStatus.Answered, replies[i].Status);
            Assert.Contains(replies[i].Quotes, q => q.Text.Contains(asked[i].Expect, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task QuestionsKeepBeingAnsweredWhileTheIndexIsRebuilt()
    {
        var documents = TestCorpus.NewTempFolder();
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(documents, "article.txt"));
        using var services = TestCorpus.Services(documents);
        var answerer = TestCorpus.Answerer(services);
        var store = (Search.IndexStore)services.GetService(typeof(Search.IndexStore))!;
        var asking = Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => answerer.AnswerAsync("Is kratom addictive?"))));
        for (var i = 0; i < 3; i++) store.Rebuild();
        Assert.All(await asking, r => Assert.Equal(ReplyStatus.Answered, r.Status));
    }
}
