using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QaBot.Web.Tests;

/// <summary>
/// A stranger asks for 2,000 tokens from 40 addresses (each under its rate limit) and starts 120
/// conversations, while someone else's conversation sits idle: theirs goes on. In process the store is
/// full after 50 conversations and refuses the rest; on Redis it holds them all.
/// </summary>
public abstract class FloodContract : IDisposable
{
    private const int MaxConversations = 50;
    private const int Addresses = 40;
    private const int TokensPerAddress = 50;
    private const int StartsPerAddress = 3;
    private QaBotFactory? _factory;

    /// <summary>Settings of the host beside the store's own limits and the default rate limit.</summary>
    protected abstract Dictionary<string, string?> Settings();

    public void Dispose() => _factory?.Dispose();

    private static async Task<string> TokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task Thousands_of_token_requests_and_many_new_conversations_do_not_end_an_idle_conversation()
    {
        var settings = Settings();
        settings["RateLimiting:Enabled"] = "true";
        settings["ConversationStore:MaxConversations"] = MaxConversations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory = new QaBotFactory(settings, loopback: true);
        var address = _factory.StartLoopback();
        using var victimHttp = LoopbackClients.From(address, 2);
        var victim = await DirectLineClient.StartAsync(victimHttp);
        await victim.WaitForReplyToAsync(await victim.PostAsync("Can kratom cause hair loss?", "c1"));

        var started = await Task.WhenAll(Enumerable.Range(10, Addresses).Select(async host =>
        {
            using var stranger = LoopbackClients.From(address, host);
            var tokens = new List<string>();
            for (var i = 0; i < TokensPerAddress; i++) tokens.Add(await TokenAsync(await stranger.PostAsync("v3/directline/tokens/generate", null)));
            var statuses = new List<HttpStatusCode>();
            foreach (var token in tokens.Take(StartsPerAddress))
            {
                using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
                start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                statuses.Add((await stranger.SendAsync(start)).StatusCode);
            }
            return statuses;
        }));

        var statuses = started.SelectMany(s => s).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, s.ToString()));
        AssertStarted(statuses.Count(s => s == HttpStatusCode.Created), MaxConversations - 1);
        var more = await victim.WaitForReplyToAsync(await victim.PostAsync("tell me more", "c2"));
        Assert.Contains("\n\n> ", more.GetProperty("text").GetString());
    }

    /// <summary>How many of the stranger's conversations started, given room for <paramref name="room"/> more in process.</summary>
    protected abstract void AssertStarted(int started, int room);
}

/// <summary>The flood against the in-process store: full at its limit, it refuses the stranger's new conversations.</summary>
public sealed class InProcessFloodTests : FloodContract
{
    protected override Dictionary<string, string?> Settings() => [];

    protected override void AssertStarted(int started, int room) => Assert.Equal(room, started);
}

/// <summary>The flood against the store on Redis: it holds every conversation until it is idle.</summary>
public sealed class RedisFloodTests(RedisServer server) : FloodContract, IClassFixture<RedisServer>
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Redis"] = server.ConnectionString,
        ["ConversationStore:KeyPrefix"] = RedisServer.NewPrefix(),
    };

    protected override void AssertStarted(int started, int room) => Assert.Equal(120, started);
}
