using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.Tests;

/// <summary>
/// A thousand conversations of large questions on both bot paths, at the default settings: the bytes
/// the store holds stay within its budget (counted, not timed), and every question is still answered.
/// </summary>
public sealed class MemoryBudgetTests : IDisposable
{
    private const int Conversations = 1000;
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>(), loopback: true);
    private readonly HttpClient _http;

    public MemoryBudgetTests() => _http = new HttpClient { BaseAddress = _factory.StartLoopback(), Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    /// <summary>A question of about <paramref name="bytes"/> bytes: a real one, said again and again.</summary>
    private static string Large(int bytes) => string.Concat(Enumerable.Repeat("Can kratom cause hair loss? ", bytes / 28));

    private async Task<string> MessageAsync(string conversation, string text)
    {
        var activity = JsonNode.Parse(MessagesEndpointTests.Activity(text))!;
        activity["conversation"]!["id"] = conversation;
        var response = await _http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("activities");
        return replies.EnumerateArray().Single(a => a.GetProperty("type").GetString() == "message").GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task A_thousand_conversations_of_large_questions_stay_within_the_stores_budget()
    {
        var options = _factory.Services.GetRequiredService<IOptions<ConversationStoreOptions>>().Value;
        var directLine = _factory.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var huge = Large(200 * 1024);
        var large = Large(directLine.MaxActivityBytes - 1024);
        var small = Large(1500);

        await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            // The Emulator's path: a question of 200 KB (one in ten) or 31 KB, then one that fits the state's budget.
            var conversation = "big-" + i;
            Assert.Contains("\n\n> ", await MessageAsync(conversation, i % 10 == 0 ? huge : large));
            Assert.Contains("\n\n> ", await MessageAsync(conversation, small));
            if (i % 5 != 0) return;
            // The Direct Line's: questions as large as an activity may be.
            var chat = await DirectLineClient.StartAsync(_http);
            for (var j = 0; j < 4; j++)
                Assert.Contains("\n\n> ", (await chat.WaitForReplyToAsync(await chat.PostAsync(large, "c" + j))).GetProperty("text").GetString());
        });

        var transcripts = (InProcessConversations)_factory.Services.GetRequiredService<IConversationStore>();
        var states = (InProcessState)_factory.Services.GetRequiredService<IStorage>();
        Assert.Equal(Conversations / 5, transcripts.Count);
        Assert.Equal(Conversations, states.Count);
        // Each transcript within its budget, or its one newest activity when that alone is larger.
        Assert.InRange(transcripts.BytesHeld, 1, transcripts.Count * (long)(options.MaxTranscriptBytes + directLine.MaxActivityBytes));
        Assert.InRange(states.BytesHeld, 1, states.Count * (long)options.MaxStateBytes);
    }
}
