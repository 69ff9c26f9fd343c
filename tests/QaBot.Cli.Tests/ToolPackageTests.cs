using QaBot.Core.Hosting;
using QaBot.Tests.Shared;

namespace QaBot.Cli.Tests;

/// <summary>
/// qabot as a dotnet tool: <c>dotnet pack</c>, then <c>dotnet tool install --add-source</c> (into a
/// tool path of the test's own), then <c>qabot chat</c> from an unrelated folder: the package
/// carries its configuration and documents, and "tell me more" gives the next passages.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qabot-cli-tests", "tool-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; the OS clears it */ }
    }

    private async Task<string> RunAsync(string workingDirectory, string file, string[] arguments, string? input = null)
    {
        using var process = HostProcess.Start(workingDirectory, arguments, new Dictionary<string, string?>(), file, input);
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"{file} {string.Join(' ', arguments)} failed:\n{process.Output}");
        return process.Output;
    }

    [Fact]
    public async Task Packed_and_installed_qabot_chats_from_any_folder_and_tells_more()
    {
        var packages = Path.Combine(_work, "packages");
        var tools = Path.Combine(_work, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_work, "elsewhere")).FullName;
        // The test run has built the CLI already; packing reuses that build rather than compiling beside other test projects.
        await RunAsync(QaBotRoot.Find(), HostProcess.Dotnet,
            ["pack", Path.Combine(QaBotRoot.Find(), "src", "QaBot.Cli"), "-c", HostProcess.Configuration, "--no-build", "--no-restore", "-o", packages]);
        await RunAsync(elsewhere, HostProcess.Dotnet, ["tool", "install", "--tool-path", tools, "--add-source", packages, "QaBot.Cli"]);

        var output = await RunAsync(elsewhere, Path.Combine(tools, "qabot"), ["chat"], "What are the risks of using kratom?\ntell me more\n\n");

        Assert.Contains("Here is what the article says", output);
        Assert.Contains("Here is more of what the article says", output);
    }
}
