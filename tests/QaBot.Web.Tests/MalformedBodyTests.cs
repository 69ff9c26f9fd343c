using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace QaBot.Web.Tests;

/// <summary>
/// Bodies that cannot be read, sent over a raw socket to every POST endpoint that reads one: bad chunk
/// sizes, bad chunk terminators, a body that ends before its length. Each is a 400, never a 500.
/// </summary>
public sealed class MalformedBodyTests : IClassFixture<LoopbackHost>
{
    private readonly LoopbackHost _host;

    public MalformedBodyTests(LoopbackHost host) => _host = host;

    /// <summary>What follows the request line and headers common to all: more headers, then the body; whether the client then stops sending.</summary>
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        string[] endpoints = ["/api/ask", "/api/messages", "/v3/directline/tokens/generate", "/v3/directline/conversations/{id}/activities"];
        foreach (var endpoint in endpoints)
        {
            data.Add(endpoint, "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"a\":1}\r\n0\r\n\r\n", false);
            data.Add(endpoint, "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}XX0\r\n\r\n", false);
            data.Add(endpoint, "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"type\":", true);
            data.Add(endpoint, "Content-Length: 100\r\n\r\n{\"type\":\"message\"", true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_body_that_cannot_be_read_is_400(string endpoint, string rest, bool stopSending)
    {
        var path = endpoint.Replace("{id}", _host.Conversation.ConversationId, StringComparison.Ordinal);
        using var client = new TcpClient();
        await client.ConnectAsync(_host.Address.Host, _host.Address.Port);
        var stream = client.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: {_host.Address.Authority}\r\nContent-Type: application/json\r\n"
            + $"Authorization: Bearer {_host.Conversation.Token}\r\n" + rest;
        if (!endpoint.Contains("conversations", StringComparison.Ordinal)) request = request.Replace($"Authorization: Bearer {_host.Conversation.Token}\r\n", "", StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (!stopSending)
        {
            Assert.StartsWith("HTTP/1.1 400 ", await ReadStatusLineAsync(stream));
            return;
        }
        // A client that stops sending has closed its side: the host cannot send it anything, and ends
        // the request with the status it would have sent. Its own record of the request says which.
        client.Client.Shutdown(SocketShutdown.Send);
        Assert.Equal(400, await _host.Statuses.StatusOfAsync(path));
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, deadline.Token) == 1 && buffer[0] != '\n') line.Append((char)buffer[0]);
        return line.ToString();
    }
}

/// <summary>A host on real loopback HTTP with one Direct Line conversation started, shared by a test class.</summary>
public sealed class LoopbackHost : IAsyncLifetime
{
    private readonly QaBotFactory _factory;

    public LoopbackHost() => _factory = new(new Dictionary<string, string?>(), loopback: true,
        services: s => s.AddSingleton<IStartupFilter>(Statuses));

    /// <summary>The status the host ended each request with, whether or not the client could still read it.</summary>
    internal RequestStatuses Statuses { get; } = new();
    private HttpClient _http = null!;

    public Uri Address { get; private set; } = null!;

    internal DirectLineClient Conversation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Address = _factory.StartLoopback();
        _http = new HttpClient { BaseAddress = Address };
        Conversation = await DirectLineClient.StartAsync(_http);
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Records the status the host ends each request with, by path, after everything else in the pipeline (the exception handler too).</summary>
internal sealed class RequestStatuses : IStartupFilter
{
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, inner) =>
        {
            var path = http.Request.Path.Value!;
            try
            {
                await inner(http);
                _statuses[path] = http.Response.StatusCode;
            }
            catch
            {
                _statuses[path] = -1;
                throw;
            }
        });
        next(app);
    };

    /// <summary>The status of the last request to <paramref name="path"/>, once it has ended.</summary>
    public async Task<int> StatusOfAsync(string path)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int status;
        while (!_statuses.TryRemove(path, out status)) await Task.Delay(20, deadline.Token);
        return status;
    }
}
