using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaBot.Core.Hosting;
using QaBot.Tests.Shared;

namespace QaBot.Web.Tests;

/// <summary>
/// Documents added while the host runs are answered from without a restart: dropped into the
/// watched folder, or indexed by <c>qabot index</c> in another process. Questions keep being
/// answered while the new generation is built, and /healthz says which generation is live.
/// </summary>
public sealed class LiveDocumentsTests : IDisposable
{
    private const string Question = "Is a regular bedtime recommended?";
    private const string NewTitle = "Sleep Hygiene During Recovery";
    private const string NewDocument = "# Sleep Hygiene During Recovery\n\n## Evening Routine\n\nA regular bedtime and a dark, quiet bedroom are recommended for better sleep during recovery.\n";
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qabot-web-tests", "live-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly string _documents;
    private readonly string _index;

    public LiveDocumentsTests()
    {
        _documents = Directory.CreateDirectory(Path.Combine(_work, "documents")).FullName;
        _index = Path.Combine(_work, "lucene");
        File.Copy(Path.Combine(QaBotRoot.Find(), "index", "documents", "kratom-opioid-withdrawal.txt"), Path.Combine(_documents, "kratom-opioid-withdrawal.txt"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; the OS clears it */ }
    }

    private QaBotFactory Host(bool watchDocuments) => new(new Dictionary<string, string?>
    {
        ["Corpus:DocumentsPath"] = _documents,
        ["Index:Path"] = _index,
        ["Index:WatchDocuments"] = watchDocuments ? "true" : "false",
        // Only file events, so nothing but the change under test can bring the new document in.
        ["Index:PollInterval"] = "00:00:00",
    });

    private static async Task<JsonElement> HealthAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("index");

    /// <summary>Asks until the new document answers; every reply meanwhile must be a normal 200.</summary>
    private static async Task<JsonElement> AnsweredFromTheNewDocumentAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement reply = default;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.PostAsJsonAsync("/api/ask", new { question = Question });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            reply = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (reply.GetProperty("quotes").EnumerateArray().Any(q => q.GetProperty("document").GetString() == NewTitle)) return reply;
            await Task.Delay(250);
        }
        Assert.Fail("The new document was never answered from; the last reply: " + reply);
        return reply;
    }

    [Fact]
    public async Task A_document_dropped_into_the_running_host_is_answered_from_without_a_restart()
    {
        using var factory = Host(watchDocuments: true);
        var client = factory.CreateClient();
        var before = await HealthAsync(client);
        Assert.Equal(1, before.GetProperty("files").GetArrayLength());

        await File.WriteAllTextAsync(Path.Combine(_documents, "sleep-hygiene.md"), NewDocument);

        var reply = await AnsweredFromTheNewDocumentAsync(client);
        Assert.Equal("answered", reply.GetProperty("status").GetString());
        var after = await HealthAsync(client);
        Assert.NotEqual(before.GetProperty("generation").GetString(), after.GetProperty("generation").GetString());
        Assert.Contains(after.GetProperty("files").EnumerateArray(), f => f.GetProperty("fileName").GetString() == "sleep-hygiene.md");
        Assert.True(after.GetProperty("builtAt").GetDateTimeOffset() > before.GetProperty("builtAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_generation_built_by_qabot_index_in_another_process_is_picked_up()
    {
        using var factory = Host(watchDocuments: false);
        var client = factory.CreateClient();
        var before = await HealthAsync(client);
        await File.WriteAllTextAsync(Path.Combine(_documents, "sleep-hygiene.md"), NewDocument);

        var qabot = Path.Combine(QaBotRoot.Find(), "src", "QaBot.Cli", "bin", HostProcess.Configuration, "net10.0", "qabot.dll");
        using var index = HostProcess.Start(QaBotRoot.Find(), [qabot, "index"], new Dictionary<string, string?>
        {
            ["QABOT_Corpus__DocumentsPath"] = _documents,
            ["QABOT_Index__Path"] = _index,
        });
        Assert.True(await index.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, index.Output);
        var built = File.ReadAllText(Path.Combine(_index, "CURRENT")).Trim();

        await AnsweredFromTheNewDocumentAsync(client);
        var after = await HealthAsync(client);
        Assert.Equal(built, after.GetProperty("generation").GetString());
        Assert.NotEqual(before.GetProperty("generation").GetString(), built);
        Assert.Equal(2, after.GetProperty("documents").GetInt32());
    }
}
