using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QaBot.Web.Tests;

/// <summary>
/// A collector's OTLP/HTTP endpoint on loopback: it keeps what the exporter posts to /v1/traces and
/// /v1/metrics. Protobuf carries names and string values as plain UTF-8, so a test can look for them.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly List<(string Path, byte[] Body)> _received = [];
    private WebApplication _app = null!;

    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        (receiver._app, receiver.Endpoint) = await LoopbackApp.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            lock (receiver._received) receiver._received.Add((http.Request.Path, body.ToArray()));
            return Results.Ok();
        }));
        return receiver;
    }

    /// <summary>Whether some export to <paramref name="path"/> holds every one of the strings.</summary>
    public bool Received(string path, params string[] strings)
    {
        lock (_received)
            return _received.Any(r => r.Path == path && strings.All(s => Encoding.UTF8.GetString(r.Body).Contains(s, StringComparison.Ordinal)));
    }

    /// <summary>Waits until <see cref="Received"/> holds, or says what did arrive.</summary>
    public async Task WaitForAsync(string path, params string[] strings)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Received(path, strings) && DateTime.UtcNow < deadline) await Task.Delay(100);
        lock (_received)
            Assert.True(Received(path, strings), $"No export to {path} held {string.Join(", ", strings)}; received: {string.Join(", ", _received.Select(r => r.Path))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
