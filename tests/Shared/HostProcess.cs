using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace QaBot.Tests.Shared;

/// <summary>
/// A real process started the way an operator starts one (the dotnet host, a working directory,
/// environment variables), with its output kept for the failure message. Killed on dispose.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    /// <summary>The configuration the tests (and so the projects they reference) were built in.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The dotnet host that runs the tests, so the child uses the same runtime.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Starts <paramref name="file"/> (the dotnet host by default), writing <paramref name="input"/>, if any, to its standard input.</summary>
    public static HostProcess Start(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?> environment, string? file = null, string? input = null)
    {
        var start = new ProcessStartInfo(file ?? Dotnet)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Nothing of the test run's own settings leaks in: no root, no ports, no MSBuild of the test host.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("QABOT_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        return host;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Runs a command to its end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls GET /healthz until it says ready; fails with the host's output when it exits or never does.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "The host exited:\n" + Output);
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        Assert.Fail("The host never became ready:\n" + Output);
    }

    /// <summary>A port no one listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
    }
}
