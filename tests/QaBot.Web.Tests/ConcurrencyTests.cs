using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Web.Bot;

namespace QaBot.Web.Tests;

/// <summary>
/// 200 conversations at once over real loopback HTTP, through the Direct Line and through
/// /api/messages (expectReplies). Each asks one question of a small set, then "tell me more":
/// every answer must be the one for its own question (the second one depends on its own
/// conversation's state), and every transcript must hold its own activities only.
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Conversations = 200;
    private static readonly string[] Questions =
    [
        "Can kratom cause hair loss?",
        "Is kratom addictive?",
        "Does kratom affect dopamine or serotonin?",
        "Has kratom been used in traditional medicine?",
    ];

    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>(), loopback: true);
    private readonly HttpClient _http;

    public ConcurrencyTests() => _http = new HttpClient { BaseAddress = _factory.StartLoopback(), Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    /// <summary>The bot's two messages for each question: its answer, then the next passages ("tell me more").</summary>
    private async Task<Dictionary<string, (string Answer, string More)>> ExpectedAsync()
    {
        var answerer = _factory.Services.GetRequiredService<IQuestionAnswerer>();
        var expected = new Dictionary<string, (string, string)>();
        foreach (var question in Questions)
        {
            var first = await answerer.AnswerAsync(question, 0);
            var more = await answerer.AnswerAsync(question, first.Quotes.Count);
            Assert.Equal(ReplyStatus.Answered, first.Status);
            expected[question] = (ReplyMarkdown.Format(first), ReplyMarkdown.Format(more));
        }
        Assert.Equal(Questions.Length, expected.Values.Select(e => e.Item1).Distinct().Count());
        return expected;
    }

    [Fact]
    public async Task Two_hundred_direct_line_conversations_at_once_each_get_their_own_answers()
    {
        var expected = await ExpectedAsync();

        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => Task.Run(async () =>
        {
            var question = Questions[i % Questions.Length];
            var conversation = await DirectLineClient.StartAsync(_http);
            var seen = new List<JsonElement>();
            var asked = await conversation.PostAsync(question, $"q{i}");
            var answer = await conversation.WaitForReplyToAsync(asked, seen);
            var more = await conversation.WaitForReplyToAsync(await conversation.PostAsync("tell me more", $"m{i}"), seen);
            seen.AddRange(await conversation.PollAsync());

            Assert.Equal(expected[question].Answer, answer.GetProperty("text").GetString());
            Assert.Equal(expected[question].More, more.GetProperty("text").GetString());
            // Its own transcript, whole and alone: the welcome, then echo, typing and answer for each message.
            Assert.Equal(["message", "message", "typing", "message", "message", "typing", "message"], seen.Select(a => a.GetProperty("type").GetString()));
            Assert.All(seen, a =>
            {
                Assert.Equal(conversation.ConversationId, a.GetProperty("conversation").GetProperty("id").GetString());
                Assert.StartsWith(conversation.ConversationId + "|", a.GetProperty("id").GetString());
            });
            var said = seen.Where(a => a.GetProperty("from").GetProperty("id").GetString() == "r_user").Select(a => a.GetProperty("text").GetString());
            Assert.Equal([question, "tell me more"], said);
        })));
    }

    [Fact]
    public async Task Two_hundred_emulator_conversations_at_once_each_get_their_own_answers()
    {
        var expected = await ExpectedAsync();

        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => Task.Run(async () =>
        {
            var question = Questions[i % Questions.Length];
            var conversation = $"conv-{i}-{Guid.NewGuid():N}";
            var user = $"user-{i}";

            Assert.Equal(expected[question].Answer, await SendAsync(conversation, user, question));
            Assert.Equal(expected[question].More, await SendAsync(conversation, user, "tell me more"));
        })));
    }

    /// <summary>One expectReplies message; checks the replies are addressed to it alone and returns the answer's text.</summary>
    private async Task<string> SendAsync(string conversation, string user, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = text,
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = user },
            ["recipient"] = new JsonObject { ["id"] = "bot1" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
        };
        var response = await _http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var replies = body.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["typing", "message"], replies.Select(a => a.GetProperty("type").GetString()));
        Assert.All(replies, a =>
        {
            Assert.Equal(conversation, a.GetProperty("conversation").GetProperty("id").GetString());
            Assert.Equal(user, a.GetProperty("recipient").GetProperty("id").GetString());
            Assert.Equal(id, a.GetProperty("replyToId").GetString());
        });
        return replies[1].GetProperty("text").GetString()!;
    }
}
