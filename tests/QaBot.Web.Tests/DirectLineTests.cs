using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace QaBot.Web.Tests;

/// <summary>The built-in Direct Line over real HTTP: the host on loopback, a client polling it as Web Chat does.</summary>
public sealed class DirectLineTests : IDisposable
{
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>(), loopback: true);
    private readonly HttpClient _http;

    public DirectLineTests() => _http = new HttpClient { BaseAddress = _factory.StartLoopback() };

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_conversation_starts_with_the_welcome_then_echoes_the_post_and_answers_it()
    {
        var conversation = await DirectLineClient.StartAsync(_http);

        var welcome = Assert.Single(await conversation.PollAsync());
        Assert.Equal("message", welcome.GetProperty("type").GetString());
        Assert.StartsWith("Hello!", welcome.GetProperty("text").GetString());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());

        var seen = new List<JsonElement>();
        var id = await conversation.PostAsync("Can kratom cause hair loss?", "client-1");
        var answer = await conversation.WaitForReplyToAsync(id, seen);

        var echo = Assert.Single(seen, a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("r_user", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Contains(seen, a => a.GetProperty("type").GetString() == "typing");
        Assert.Contains("\n\n> ", answer.GetProperty("text").GetString());
        Assert.Equal("r_user", answer.GetProperty("recipient").GetProperty("id").GetString());
        Assert.All(seen.Append(welcome), a =>
        {
            Assert.Equal(conversation.ConversationId, a.GetProperty("conversation").GetProperty("id").GetString());
            Assert.True(a.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        });
        var ids = seen.Append(welcome).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Nothing new: the same watermark, no activities.
        var watermark = conversation.Watermark;
        Assert.Empty(await conversation.PollAsync());
        Assert.Equal(watermark, conversation.Watermark);
    }

    [Fact]
    public async Task Tell_me_more_follows_the_previous_question_of_the_same_conversation()
    {
        var conversation = await DirectLineClient.StartAsync(_http);
        var first = await conversation.WaitForReplyToAsync(await conversation.PostAsync("Can kratom cause hair loss?", "c1"));
        var more = await conversation.WaitForReplyToAsync(await conversation.PostAsync("tell me more", "c2"));

        Assert.Contains("\n\n> ", more.GetProperty("text").GetString());
        Assert.NotEqual(first.GetProperty("text").GetString(), more.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Tokens_open_their_own_conversation_only()
    {
        var mine = await DirectLineClient.StartAsync(_http);
        var other = await DirectLineClient.StartAsync(_http);

        using var noToken = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{mine.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(noToken)).StatusCode);

        using var othersToken = mine.Request(HttpMethod.Get, "/activities", other.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(othersToken)).StatusCode);

        using var othersPost = mine.Request(HttpMethod.Post, "/activities", other.Token);
        othersPost.Content = new StringContent("""{"type":"message","text":"hi"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(othersPost)).StatusCode);

        var forged = mine.Token[..^4] + (mine.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var forgedRequest = mine.Request(HttpMethod.Get, "/activities", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(forgedRequest)).StatusCode);
    }

    [Fact]
    public async Task A_token_refreshes_for_the_same_conversation()
    {
        var conversation = await DirectLineClient.StartAsync(_http);
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);

        var response = await _http.SendAsync(refresh);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(conversation.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        Assert.True(body.RootElement.GetProperty("expires_in").GetInt32() > 0);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"as the bot\",\"from\":{\"id\":\"qabot\"}}")]
    public async Task A_post_that_is_not_a_user_activity_is_400(string body)
    {
        var conversation = await DirectLineClient.StartAsync(_http);
        using var post = conversation.Request(HttpMethod.Post, "/activities");
        post.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task A_watermark_that_is_not_a_number_is_400()
    {
        var conversation = await DirectLineClient.StartAsync(_http);
        using var poll = conversation.Request(HttpMethod.Get, "/activities?watermark=abc");

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(poll)).StatusCode);
    }
}

/// <summary>Expired tokens, with the host's clock moved by hand.</summary>
public sealed class DirectLineExpiryTests : IDisposable
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly QaBotFactory _factory;

    public DirectLineExpiryTests() =>
        _factory = new QaBotFactory(new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:10:00" },
            services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_expired_token_is_403_and_cannot_be_refreshed()
    {
        var client = _factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);
        _clock.Now = _clock.Now.AddMinutes(10);

        using var poll = conversation.Request(HttpMethod.Get, "/activities");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(poll)).StatusCode);

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(refresh)).StatusCode);
    }

    [Fact]
    public async Task A_token_refreshed_in_time_outlives_the_first()
    {
        var client = _factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);
        _clock.Now = _clock.Now.AddMinutes(9);
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        var refreshed = await client.SendAsync(refresh);
        var token = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        _clock.Now = _clock.Now.AddMinutes(5);

        using var poll = conversation.Request(HttpMethod.Get, "/activities", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(poll)).StatusCode);
    }
}
