using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Web.Tests;

/// <summary>
/// Two real web hosts on one Redis, on loopback, as a deployment runs them behind a balancer: a
/// conversation's calls alternate between them (or go to one, then the other), one of them restarts,
/// and the person's conversation goes on as if there were one host.
/// </summary>
public sealed class RedisMultiInstanceTests(RedisServer server) : IClassFixture<RedisServer>, IDisposable
{
    private const string Question = "Can kratom cause hair loss?";
    private readonly string _prefix = RedisServer.NewPrefix();
    private readonly List<QaBotFactory> _hosts = [];

    private (QaBotFactory Host, Uri Address) Start()
    {
        var host = new QaBotFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = server.ConnectionString,
            ["ConversationStore:KeyPrefix"] = _prefix,
        }, loopback: true);
        _hosts.Add(host);
        return (host, host.StartLoopback());
    }

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString()! : "";

    /// <summary>A reply with passages of the article, not the request for a question first.</summary>
    private static void AssertPassages(JsonElement reply)
    {
        Assert.True(Text(reply).Contains("\n\n> ", StringComparison.Ordinal), Text(reply));
        Assert.DoesNotContain("question about the article first", Text(reply));
    }

    [Fact]
    public async Task A_direct_line_conversation_goes_on_with_its_calls_alternating_between_two_instances()
    {
        var (_, a) = Start();
        var (_, b) = Start();
        var balancer = new RoundRobin(a, b);
        using var http = balancer.Client();
        var seen = new List<JsonElement>();

        var conversation = await DirectLineClient.StartAsync(http);
        var answer = await conversation.WaitForReplyToAsync(await conversation.PostAsync(Question, "c1"), seen);
        var more = await conversation.WaitForReplyToAsync(await conversation.PostAsync("tell me more", "c2"), seen);

        AssertPassages(answer);
        AssertPassages(more);
        Assert.NotEqual(Text(answer), Text(more));
        // One welcome, whichever instance the start reached; every activity once, in order.
        Assert.Single(seen, s => Text(s).StartsWith("Hello!", StringComparison.Ordinal));
        var ids = seen.Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), ids);
        Assert.True(balancer.Served[a] >= 3 && balancer.Served[b] >= 3, $"served: {balancer.Served[a]} and {balancer.Served[b]}");
    }

    [Fact]
    public async Task Tell_me_more_on_either_instance_follows_the_question_asked_on_the_other_with_the_other_ones_token()
    {
        var (_, a) = Start();
        var (_, b) = Start();
        using var httpA = new HttpClient { BaseAddress = a };
        using var httpB = new HttpClient { BaseAddress = b };
        var onA = await DirectLineClient.StartAsync(httpA);
        var answer = await onA.WaitForReplyToAsync(await onA.PostAsync(Question, "c1"));

        var onB = new DirectLineClient(httpB, onA.ConversationId, onA.Token);
        var more = await onB.WaitForReplyToAsync(await onB.PostAsync("tell me more", "c2"));
        var further = await onA.WaitForReplyToAsync(await onA.PostAsync("tell me more", "c3"));

        AssertPassages(answer);
        AssertPassages(more);
        Assert.NotEqual(Text(answer), Text(more));
        // The third goes on from the second (here: nothing more to show), still on the same question.
        Assert.DoesNotContain("question about the article first", Text(further));
        Assert.NotEqual(Text(more), Text(further));
    }

    [Fact]
    public async Task The_emulators_conversation_state_is_shared_by_both_instances()
    {
        var (_, a) = Start();
        var (_, b) = Start();
        var balancer = new RoundRobin(a, b);
        using var http = balancer.Client();
        var conversation = "emu-" + Guid.NewGuid().ToString("N");

        async Task<JsonElement> SendAsync(string text)
        {
            var activity = JsonNode.Parse(MessagesEndpointTests.Activity(text))!;
            activity["conversation"]!["id"] = conversation;
            var response = await http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var activities = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("activities");
            return activities.EnumerateArray().Single(x => x.GetProperty("type").GetString() == "message");
        }

        var answer = await SendAsync(Question);
        var more = await SendAsync("tell me more");

        AssertPassages(answer);
        AssertPassages(more);
        Assert.NotEqual(Text(answer), Text(more));
        Assert.Equal(1, balancer.Served[a]);
        Assert.Equal(1, balancer.Served[b]);
    }

    [Fact]
    public async Task A_conversation_and_its_token_survive_a_restart_of_the_instance_that_held_them()
    {
        var (first, a) = Start();
        var (_, b) = Start();
        using var httpA = new HttpClient { BaseAddress = a };
        var conversation = await DirectLineClient.StartAsync(httpA);
        var answer = await conversation.WaitForReplyToAsync(await conversation.PostAsync(Question, "c1"));

        first.Dispose();
        var (_, restarted) = Start();
        var balancer = new RoundRobin(restarted, b);
        using var http = balancer.Client();
        var again = new DirectLineClient(http, conversation.ConversationId, conversation.Token);

        using var reconnect = again.Request(HttpMethod.Get, "");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(reconnect)).StatusCode);
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(refresh)).StatusCode);
        var transcript = await again.PollAsync();
        var more = await again.WaitForReplyToAsync(await again.PostAsync("tell me more", "c2"));

        Assert.Contains(transcript, s => s.GetProperty("id").GetString() == answer.GetProperty("id").GetString());
        AssertPassages(more);
        Assert.NotEqual(Text(answer), Text(more));
    }
}
