using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Web.Bot;
using QaBot.Web.Hosting;

namespace QaBot.Web.Tests;

/// <summary>
/// Everything the bot sends out, seen where it leaves: the HTTP handler under the bot's connector
/// clients. Calls to loopback go on for real; any other address is answered here as a connector would,
/// so a test never sends anything off this machine.
/// </summary>
internal sealed class OutboundCalls() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<Uri> Calls { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls.Enqueue(request.RequestUri!);
        if (IPAddress.TryParse(request.RequestUri!.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
            return base.SendAsync(request, cancellationToken);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"x"}""", Encoding.UTF8, "application/json") });
    }
}

/// <summary>
/// Without credentials the bot replies only to a loopback serviceUrl (the Emulator) or one listed in
/// Bot:AllowedServiceUrls, and a call out gives up after Bot:OutboundTimeout.
/// </summary>
public sealed class ServiceUrlTests : IAsyncLifetime
{
    private const string Listed = "https://emulator.example:8443/";
    private readonly OutboundCalls _outbound = new();
    private readonly QaBotFactory _factory;
    private HttpClient _http = null!;
    private FakeConnector _connector = null!;

    public ServiceUrlTests() => _factory = new QaBotFactory(new Dictionary<string, string?>
    {
        ["Bot:AllowedServiceUrls:0"] = Listed,
        ["Bot:OutboundTimeout"] = "00:00:02",
    }, loopback: true, services: s => s.AddSingleton(sp => new ConnectorHttp(sp.GetRequiredService<IOptions<BotOptions>>(), _outbound)));

    public async Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = _factory.StartLoopback(), Timeout = TimeSpan.FromSeconds(60) };
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
        _factory.Dispose();
    }

    private Task<HttpResponseMessage> SendAsync(string serviceUrl, string? deliveryMode = null) =>
        _http.PostAsync("api/messages", new StringContent(MessagesEndpointTests.Activity("Can kratom cause hair loss?", deliveryMode, serviceUrl), Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("https://collector.example/")]
    [InlineData("http://10.1.2.3:8080/")]
    [InlineData("http://localhost.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("https://emulator.example:9443/")]
    [InlineData("http://emulator.example:8443/")]
    public async Task An_anonymous_activity_naming_a_foreign_service_url_is_refused_and_nothing_is_sent(string serviceUrl)
    {
        var response = await SendAsync(serviceUrl);
        var expectReplies = await SendAsync(serviceUrl, "expectReplies");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, expectReplies.StatusCode);
        Assert.Empty(_outbound.Calls);
    }

    [Fact]
    public async Task The_emulator_on_loopback_gets_its_replies()
    {
        var response = await SendAsync(_connector.Address.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (path, _) = await _connector.NextAsync();
        Assert.StartsWith("/v3/conversations/", path);
        Assert.Contains(_outbound.Calls, c => c.Port == _connector.Address.Port);
    }

    [Fact]
    public async Task A_service_url_listed_in_the_settings_gets_the_replies()
    {
        var response = await SendAsync(Listed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_outbound.Calls, c => c.GetLeftPart(UriPartial.Authority) + "/" == Listed);
    }

    [Fact]
    public async Task A_service_url_that_never_answers_holds_the_request_only_until_the_outbound_timeout()
    {
        // Accepts connections and never answers them.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        _ = Task.Run(async () =>
        {
            try { while (true) held.Add(await silent.AcceptSocketAsync()); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { /* stopped */ }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";

        // Without the timeout this would wait 100 s and the test's client gives up after 60 s.
        var response = await SendAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_outbound.Calls, c => c.ToString().StartsWith(url, StringComparison.Ordinal));
        foreach (var socket in held) socket.Dispose();
    }
}
