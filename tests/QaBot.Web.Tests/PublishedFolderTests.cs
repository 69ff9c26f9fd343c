using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaBot.Core.Hosting;
using QaBot.Tests.Shared;

namespace QaBot.Web.Tests;

/// <summary><c>dotnet publish src/QaBot.Web -c Release -o out</c>, once for the class, into a folder outside the repository.</summary>
public sealed class PublishedFolder : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "qabot-web-tests", "published-" + Guid.NewGuid().ToString("N"));

    public string Out => Path.Combine(Folder, "out");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(QaBotRoot.Find(), "src", "QaBot.Web");
        using var publish = HostProcess.Start(QaBotRoot.Find(), ["publish", project, "-c", "Release", "--no-restore", "-o", Out, "--disable-build-servers", "-nologo"], new Dictionary<string, string?>());
        var code = await publish.WaitForExitAsync(TimeSpan.FromMinutes(10));
        Assert.True(code == 0, "dotnet publish failed:\n" + publish.Output);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; the OS clears it */ }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The publish folder holds everything it needs and starts on its own, from another working
/// directory, with no QABOT_ROOT, on the address given the usual ASP.NET Core way.
/// </summary>
public sealed class PublishedFolderTests(PublishedFolder published) : IClassFixture<PublishedFolder>
{
    private const string Question = "Can kratom cause hair loss?";

    [Fact]
    public void The_folder_holds_its_configuration_data_and_web_chat()
    {
        string[] needed = ["appsettings.json", "index/documents/kratom-opioid-withdrawal.txt", "index/synonyms.txt",
            "index/emergency-patterns.txt", "index/understanding.json", "wwwroot/lib/webchat.js", "QaBot.Web.dll"];

        Assert.All(needed, file => Assert.True(File.Exists(Path.Combine(published.Out, file)), file + " is missing"));
    }

    [Fact]
    public async Task It_answers_on_ASPNETCORE_URLS_with_its_index_where_Index_Path_says()
    {
        var port = HostProcess.FreePort();
        var index = Path.Combine(published.Folder, "var-lib-qabot");

        var reply = await AskAsync(port, new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Index__Path"] = index });

        Assert.Equal("answered", reply.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(index, "CURRENT")), "the index was not built where Index:Path says");
    }

    [Fact]
    public async Task It_answers_on_ASPNETCORE_HTTP_PORTS_with_its_index_in_the_folder()
    {
        var port = HostProcess.FreePort();

        var reply = await AskAsync(port, new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("answered", reply.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(published.Out, "index", "lucene", "CURRENT")));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", false)]              // --urls wins over the environment
    [InlineData("Kestrel__Endpoints__Http__Url", true)] // Kestrel's endpoints win over --urls
    public async Task The_usual_precedence_decides_between_urls_and_the_setting(string setting, bool settingWins)
    {
        var (winner, loser) = (HostProcess.FreePort(), HostProcess.FreePort());
        var (fromSetting, fromArgument) = settingWins ? (winner, loser) : (loser, winner);

        var reply = await AskAsync(winner, new Dictionary<string, string?> { [setting] = $"http://127.0.0.1:{fromSetting}" }, "--urls", $"http://127.0.0.1:{fromArgument}");

        Assert.Equal("answered", reply.GetProperty("status").GetString());
        await NothingListensOnAsync(loser);
    }

    private static async Task NothingListensOnAsync(int port)
    {
        using var probe = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"http://127.0.0.1:{port}/healthz"));
    }

    /// <summary>Starts <c>dotnet out/QaBot.Web.dll</c> from an unrelated folder, waits for /healthz, asks, and checks the page's bundle.</summary>
    private async Task<JsonElement> AskAsync(int port, Dictionary<string, string?> environment, params string[] arguments)
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(published.Folder, "cwd-" + Guid.NewGuid().ToString("N"))).FullName;
        environment["RateLimiting__Enabled"] = "false";
        using var host = HostProcess.Start(elsewhere, [Path.Combine(published.Out, "QaBot.Web.dll"), .. arguments], environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await host.WaitUntilReadyAsync(client, TimeSpan.FromMinutes(2));

        var response = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        Assert.True(response.StatusCode == HttpStatusCode.OK, host.Output);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/webchat.js")).StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
