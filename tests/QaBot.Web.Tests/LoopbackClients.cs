using System.Net;
using System.Net.Sockets;

namespace QaBot.Web.Tests;

/// <summary>HTTP clients that speak from a loopback address of their own (127.0.0.x), so a host's per-client limits see many clients.</summary>
internal static class LoopbackClients
{
    /// <summary>A client whose connections come from <c>127.0.0.{host}</c>.</summary>
    public static HttpClient From(Uri address, int host)
    {
        var local = new IPAddress([127, 0, 0, (byte)host]);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = address };
    }
}

/// <summary>
/// A round-robin balancer in front of several hosts: each request goes to the next host in turn, so
/// one conversation's calls alternate between instances. <see cref="Served"/> counts who answered what.
/// </summary>
internal sealed class RoundRobin(params Uri[] hosts) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _next = -1;

    /// <summary>The hosts, in turn; a test replaces one when it restarts it.</summary>
    public Uri[] Hosts { get; } = hosts;

    public Dictionary<Uri, int> Served { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = Hosts[(int)((uint)Interlocked.Increment(ref _next) % Hosts.Length)];
        lock (Served) Served[host] = Served.GetValueOrDefault(host) + 1;
        request.RequestUri = new Uri(host, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }

    public HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://balancer.invalid/"), Timeout = TimeSpan.FromMinutes(2) };
}
