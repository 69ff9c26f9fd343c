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
}
