using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QaBot.Web.Tests;

/// <summary>The store's Redis cannot be reached: the Direct Line says so with 503, the bot apologises, and what does not need Redis still answers.</summary>
public sealed class RedisUnavailableTests : IDisposable
{
    private readonly QaBotFactory _factory;

    public RedisUnavailableTests()
    {
        // A port nothing listens on.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _factory = new QaBotFactory(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},connectTimeout=500,asyncTimeout=1000" });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_direct_line_is_503_the_bot_apologises_and_api_ask_and_healthz_answer()
    {
        var client = _factory.CreateClient();

        var token = await client.PostAsync("v3/directline/tokens/generate", null);
        var bot = await client.PostAsync("api/messages", new StringContent(MessagesEndpointTests.Activity("Is kratom addictive?"), Encoding.UTF8, "application/json"));
        var ask = await client.PostAsync("api/ask", new StringContent("""{"question": "Is kratom addictive?"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);
        Assert.Contains("Sorry, something went wrong", await bot.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);
    }
}
