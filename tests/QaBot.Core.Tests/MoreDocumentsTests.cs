using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

public sealed class MoreDocumentsTests : IDisposable
{
    private readonly string _documents = TestCorpus.NewTempFolder();

    public MoreDocumentsTests()
    {
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(_documents, "kratom-opioid-withdrawal.txt"));
        File.WriteAllText(Path.Combine(_documents, "sleep-hygiene.md"),
            "# Sleep Hygiene During Recovery\n\n## Evening Routine\n\nA regular bedtime and a dark, quiet bedroom are recommended for better sleep during recovery.\n");
    }

    public void Dispose() => Directory.Delete(_documents, recursive: true);

    [Fact]
    public async Task ADocumentDroppedBesideTheArticleIsIndexedAndCitedByItsTitleAndSection()
    {
        using var services = TestCorpus.Services(_documents);
        var reply = await TestCorpus.Answerer(services).AnswerAsync("Is a regular bedtime recommended?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Equal("Sleep Hygiene During Recovery", reply.Quotes[0].Document);
        Assert.Equal("Evening Routine", reply.Quotes[0].Section);
        Assert.StartsWith("A regular bedtime", reply.Quotes[0].Text);
    }

    [Fact]
    public async Task OnACorpusOfManyDocumentsTheBestDocumentsAreSearchedFirstAndStillAnswer()
    {
        // More documents than the retriever searches sentence by sentence, so it ranks documents first.
        for (var i = 0; i < 60; i++)
            File.WriteAllText(Path.Combine(_documents, $"notes-{i:00}.md"),
                $"# Garden Notes {i}\n\n## Planting\n\nTomatoes need sun and water in bed {i}. Compost feeds the soil every spring.\n");
        File.WriteAllText(Path.Combine(_documents, "notes-beekeeping.md"),
            "# Beekeeping Basics\n\n## Hives\n\nA smoker calms the bees before a hive is opened.\n");
        using var services = TestCorpus.Services(_documents);
        var answerer = TestCorpus.Answerer(services);

        var article = await answerer.AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, article.Status);
        Assert.All(article.Quotes, q => Assert.Equal("Exploring Kratom as a Potential Solution for Opioid Withdrawal", q.Document));
        Assert.Contains(article.Quotes, q => q.Text.Contains("not directly linked to hair loss", StringComparison.Ordinal));

        var bees = await answerer.AnswerAsync("What calms the bees before opening a hive?");
        Assert.Equal(ReplyStatus.Answered, bees.Status);
        Assert.Equal("Beekeeping Basics", bees.Quotes[0].Document);
    }
}
