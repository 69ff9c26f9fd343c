using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QaBot.Web.Tests;

/// <summary>
/// The web host as tests start it: in memory (TestServer) or on real loopback HTTP (Kestrel on
/// 127.0.0.1, a free port), always with its own index folder, so parallel runs never share the
/// repository's index. The documents stay the repository's. Rate limiting is off unless a test
/// turns it on: tests send many requests from one loopback client.
/// </summary>
public sealed class QaBotFactory : WebApplicationFactory<Program>
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "qabot-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public QaBotFactory() : this(new Dictionary<string, string?>()) { }

    /// <param name="port">With <paramref name="loopback"/>, the port to listen on (0: any free one); a test that restarts a host gives it its old port.</param>
    internal QaBotFactory(IDictionary<string, string?> settings, bool loopback = false, Action<IServiceCollection>? services = null, int port = 0)
    {
        _settings = new Dictionary<string, string?> { ["Index:Path"] = _index, ["Logging:LogLevel:Default"] = "Warning", ["RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings) _settings[key] = value;
        _services = services;
        if (loopback) UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The started host, for tests that stop it themselves.</summary>
    public IHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    private IHost? _host;

    protected override IHost CreateHost(IHostBuilder builder) => _host = base.CreateHost(builder);

    /// <summary>Starts the host on loopback HTTP and returns its address.</summary>
    public Uri StartLoopback()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Also as host settings: those reach Program's builder.Configuration before registration reads it.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_index, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; the OS clears it */ }
    }
}
