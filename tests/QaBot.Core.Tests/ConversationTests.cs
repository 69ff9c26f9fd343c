using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Core.Conversations;

namespace QaBot.Core.Tests;

/// <summary>What a conversation keeps between messages: enough for "tell me more", never the text of past questions, and never more than the answerer reads.</summary>
public sealed class ConversationTests : IClassFixture<ArticleFixture>
{
    private readonly Conversation _conversation;

    public ConversationTests(ArticleFixture fixture) => _conversation = fixture.Services.GetRequiredService<Conversation>();

    [Fact]
    public async Task APastedPageKeepsOnlyWhatTheAnswererReadsAndPastQuestionsAreFingerprints()
    {
        var memory = new ConversationMemory();
        var question = "Can kratom cause hair loss? " + new string('x', 200_000);

        var first = await _conversation.ReplyAsync(memory, question);
        var more = await _conversation.ReplyAsync(memory, "tell me more");

        Assert.Equal(ReplyStatus.Answered, first.Status);
        Assert.Equal(1000, memory.LastQuestion!.Length);
        Assert.DoesNotContain(memory.Asked, a => a.Contains("kratom", StringComparison.Ordinal));
        Assert.Equal([Conversation.Fingerprint(question[..1000])], memory.Asked);
        Assert.NotEqual(ReplyStatus.Chitchat, more.Status);
        Assert.True(System.Text.Json.JsonSerializer.Serialize(memory).Length < 1200);
    }

    [Fact]
    public void TheFingerprintReadsWordsNotTyping() =>
        Assert.Equal(Conversation.Fingerprint("Can kratom cause hair loss?"), Conversation.Fingerprint("  can KRATOM cause hair   loss "));
}
