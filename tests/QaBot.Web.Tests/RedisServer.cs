using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Garnet;
using StackExchange.Redis;

namespace QaBot.Web.Tests;

/// <summary>
/// A real Redis-protocol server on a free loopback port, for the tests of the store on Redis: Garnet
/// inside the test process by default (nothing to install, no Docker), or, when QABOT_TEST_REDIS_SERVER
/// names a redis-server program (.ci/run sets it), that server, started on a free port with a temporary
/// folder and stopped after. Tests keep apart by key prefix (<see cref="NewPrefix"/>), not by server.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string ProgramVariable = "QABOT_TEST_REDIS_SERVER";

    private GarnetServer? _garnet;
    private Process? _process;
    private string? _folder;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Which server runs: "garnet" or the program's path.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        ConnectionString = $"127.0.0.1:{port}";
        var program = Environment.GetEnvironmentVariable(ProgramVariable);
        if (string.IsNullOrWhiteSpace(program))
        {
            Kind = "garnet";
            // Small memory: the tests hold little. Lua on: the store's steps are scripts.
            _garnet = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--lua", "-q", "--memory", "64m", "--page", "1m", "--index", "1m", "--logger-level", "Warning"]);
            _garnet.Start();
        }
        else
        {
            Kind = program;
            _folder = Directory.CreateTempSubdirectory("qabot-redis-").FullName;
            _process = Process.Start(new ProcessStartInfo(program)
            {
                ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", _folder, "--save", "", "--appendonly", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{program} did not start.");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }
        await WaitForPingAsync();
    }

    /// <summary>A client of the server's own, for looking at what the store keeps.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");

    private async Task WaitForPingAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!deadline.IsCancellationRequested && _process?.HasExited != true)
            {
                await Task.Delay(100, deadline.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task DisposeAsync()
    {
        _garnet?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* a temp folder; the OS clears it */ }
        }
        return Task.CompletedTask;
    }
}
