using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace QaBot.Web.Tests;

/// <summary>
/// A host on loopback with a small rate limit (3 requests a client, given back once an hour, so
/// nothing refills while a test runs). Each test speaks from its own loopback address
/// (127.0.0.x), so each is a client of its own with a full bucket.
/// </summary>
public sealed class RateLimitedHost : IDisposable
{
    public const int TokenLimit = 3;

    public RateLimitedHost()
    {
        Factory = new QaBotFactory(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:TokenLimit"] = TokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:TokensPerPeriod"] = "1",
            ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
        }, loopback: true);
        Address = Factory.StartLoopback();
    }

    public QaBotFactory Factory { get; }

    public Uri Address { get; }

    /// <summary>An HTTP client whose connections come from <c>127.0.0.{host}</c>.</summary>
    public HttpClient ClientFrom(int host) => LoopbackClients.From(Address, host);

    public void Dispose() => Factory.Dispose();
}

/// <summary>Per-client rate limits: 429 with Retry-After on the question, bot and Direct Line endpoints, and nowhere else.</summary>
public sealed class RateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertLimitedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < RateLimitedHost.TokenLimit; i++)
        {
            var allowed = await send();
            Assert.True(allowed.IsSuccessStatusCode, $"request {i + 1}: {(int)allowed.StatusCode}");
        }

        var refused = await send();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Ask_is_limited_per_client()
    {
        using var client = host.ClientFrom(10);
        await AssertLimitedAsync(() => client.PostAsync("api/ask", Json("""{"question": "Is kratom addictive?"}""")));
    }

    [Fact]
    public async Task Messages_are_limited_per_client()
    {
        using var client = host.ClientFrom(11);
        await AssertLimitedAsync(() => client.PostAsync("api/messages", Json(MessagesEndpointTests.Activity("Is kratom addictive?"))));
    }

    [Fact]
    public async Task Direct_line_tokens_are_limited_per_client()
    {
        using var client = host.ClientFrom(12);
        await AssertLimitedAsync(() => client.PostAsync("v3/directline/tokens/generate", null));
    }

    [Fact]
    public async Task Direct_line_polls_and_posts_are_limited_per_client()
    {
        using var starter = host.ClientFrom(13);
        var conversation = await DirectLineClient.StartAsync(starter);
        using var client = host.ClientFrom(14);

        await AssertLimitedAsync(async () =>
        {
            using var poll = conversation.Request(HttpMethod.Get, "/activities");
            return await client.SendAsync(poll);
        });
        using var post = conversation.Request(HttpMethod.Post, "/activities");
        post.Content = Json("""{"type": "message", "text": "Is kratom addictive?"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task A_limited_client_still_gets_health_the_page_and_static_files_and_others_are_not_limited()
    {
        using var limited = host.ClientFrom(20);
        for (var i = 0; i <= RateLimitedHost.TokenLimit; i++) await limited.PostAsync("api/ask", Json("""{"question": "Is kratom addictive?"}"""));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await limited.PostAsync("api/ask", Json("""{"question": "Is kratom addictive?"}"""))).StatusCode);

        for (var i = 0; i < 2 * RateLimitedHost.TokenLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("js/chat.js")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("")).StatusCode);
        }

        using var other = host.ClientFrom(21);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("api/ask", Json("""{"question": "Is kratom addictive?"}"""))).StatusCode);
    }
}

/// <summary>RateLimiting:Enabled=false: one client may send as much as it likes (a load test, say).</summary>
public sealed class RateLimitOffTests
{
    [Fact]
    public async Task With_rate_limiting_off_nothing_is_refused()
    {
        using var factory = new QaBotFactory(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["RateLimiting:TokenLimit"] = "1",
            ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
        });
        var client = factory.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            var response = await client.PostAsync("/api/ask", new StringContent("""{"question": "Is kratom addictive?"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public void The_shipped_settings_turn_rate_limiting_on()
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Core.Hosting.QaBotRoot.Find(), "appsettings.json"))
            .Build();

        Assert.Equal("True", settings["RateLimiting:Enabled"], ignoreCase: true);
    }
}
