using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

namespace QaBot.Web.Bot;

/// <summary>
/// The HTTP clients the Bot Framework SDK calls out with (replies to the Emulator or a channel's
/// connector, token and signing-key endpoints): every call gives up after Bot:OutboundTimeout, so an
/// address that never answers holds no request, and no connection, for long. One shared handler, so
/// connections are pooled and renewed.
/// </summary>
internal sealed class ConnectorHttp : IHttpClientFactory, IDisposable
{
    private readonly HttpMessageHandler _handler;
    private readonly TimeSpan _timeout;

    public ConnectorHttp(IOptions<BotOptions> options)
        : this(options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = options.Value.OutboundTimeout })
    {
    }

    /// <summary>With a handler of the caller's (a test that watches what goes out).</summary>
    internal ConnectorHttp(IOptions<BotOptions> options, HttpMessageHandler handler)
    {
        _handler = handler;
        _timeout = options.Value.OutboundTimeout;
    }

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = _timeout };

    public void Dispose() => _handler.Dispose();
}
