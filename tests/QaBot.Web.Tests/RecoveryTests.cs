using System.Net;
using System.Text;
using System.Text.Json;
using QaBot.Core.Hosting;
using QaBot.Core.Search;
using QaBot.Tests.Shared;

namespace QaBot.Web.Tests;

/// <summary>
/// Recovery at the host level: the index or the documents change while the host is stopped, and
/// the next start is ready and answers. Each test has its own documents and index folders.
/// </summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qabot-web-tests", "recovery-" + Guid.NewGuid().ToString("N"));
    private readonly string _documents;
    private readonly string _index;

    public RecoveryTests()
    {
        _documents = Path.Combine(_work, "documents");
        _index = Path.Combine(_work, "index");
        Directory.CreateDirectory(_documents);
        File.Copy(Path.Combine(QaBotRoot.Find(), "index", "documents", "kratom-opioid-withdrawal.txt"), Path.Combine(_documents, "kratom-opioid-withdrawal.txt"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; the OS clears it */ }
    }

    /// <summary>Starts a host over this test's folders, checks /healthz is ready, asks a question and stops the host.</summary>
    private async Task<(JsonElement Health, JsonElement Reply)> RunHostAsync(string question = "Can kratom cause hair loss?")
    {
        using var factory = new QaBotFactory(new Dictionary<string, string?> { ["Corpus:DocumentsPath"] = _documents, ["Index:Path"] = _index });
        var client = factory.CreateClient();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var ask = await client.PostAsync("/api/ask", new StringContent(JsonSerializer.Serialize(new { question }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var result = (JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement, JsonDocument.Parse(await ask.Content.ReadAsStringAsync()).RootElement);
        Assert.Equal("ready", result.Item1.GetProperty("status").GetString());
        return result;
    }

    private string LiveGeneration() => Path.Combine(_index, File.ReadAllText(Path.Combine(_index, "CURRENT")).Trim());

    /// <summary>What can happen to the index while no host runs.</summary>
    public static TheoryData<string> Damage => ["deleted", "segments corrupted", "segment data with flipped bits", "vectors with flipped bits", "manifest corrupted", "generation missing", "current corrupted"];

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task An_index_damaged_while_the_host_was_stopped_is_rebuilt_on_the_next_start(string damage)
    {
        await RunHostAsync();
        var live = LiveGeneration();
        switch (damage)
        {
            case "deleted":
                Directory.Delete(_index, recursive: true);
                break;
            case "segments corrupted":
                foreach (var file in Directory.GetFiles(live).Where(f => !f.EndsWith(IndexManifest.FileName, StringComparison.Ordinal)))
                    await File.WriteAllBytesAsync(file, [1, 2, 3]);
                break;
            case "segment data with flipped bits":
                StorageFaults.FlipBits(Directory.GetFiles(live, "*.cfs").Single(), 30);
                break;
            case "vectors with flipped bits":
                StorageFaults.FlipBits(Path.Combine(live, "vectors.bin"), 30);
                break;
            case "manifest corrupted":
                await File.WriteAllTextAsync(Path.Combine(live, IndexManifest.FileName), "{ not json");
                break;
            case "generation missing":
                Directory.Delete(live, recursive: true);
                break;
            case "current corrupted":
                await File.WriteAllBytesAsync(Path.Combine(_index, "CURRENT"), [0xFF, 0x00, 0x2F, 0x2E, 0x2E]);
                break;
        }

        var (health, reply) = await RunHostAsync();

        Assert.True(health.GetProperty("index").GetProperty("ready").GetBoolean());
        Assert.Equal(35, health.GetProperty("index").GetProperty("sentences").GetInt32());
        Assert.Equal("answered", reply.GetProperty("status").GetString());
        Assert.Contains(reply.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString()!.Contains("hair loss", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_documents_folder_gone_the_last_good_index_answers_and_healthz_says_degraded_and_why()
    {
        await RunHostAsync();
        Directory.Delete(_documents, recursive: true);

        using var factory = new QaBotFactory(new Dictionary<string, string?> { ["Corpus:DocumentsPath"] = _documents, ["Index:Path"] = _index });
        var client = factory.CreateClient();
        var health = JsonDocument.Parse(await (await client.GetAsync("/healthz")).Content.ReadAsStringAsync()).RootElement;
        var ask = await client.PostAsync("/api/ask", new StringContent(JsonSerializer.Serialize(new { question = "Can kratom cause hair loss?" }), Encoding.UTF8, "application/json"));

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("documents cannot be read", health.GetProperty("index").GetProperty("degraded").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_work, health.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Equal("answered", JsonDocument.Parse(await ask.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Documents_changed_while_the_host_was_stopped_are_indexed_on_the_next_start()
    {
        var (before, _) = await RunHostAsync();
        var stale = LiveGeneration();
        await File.WriteAllTextAsync(Path.Combine(_documents, "storage.md"),
            "# Storing Kratom Powder\n\nKratom powder should be stored in an airtight jar in a cool, dark cupboard.\n");

        var (after, reply) = await RunHostAsync("How should kratom powder be stored?");

        Assert.Equal(1, before.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.Equal(2, after.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.NotEqual(stale, LiveGeneration());
        Assert.Equal("answered", reply.GetProperty("status").GetString());
        Assert.Contains(reply.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString()!.Contains("airtight jar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreadable_document_beside_the_article_is_skipped_and_named_by_healthz()
    {
        await File.WriteAllBytesAsync(Path.Combine(_documents, "broken.txt"), [0x48, 0x69, 0xFF, 0xFE, 0x21]);

        var (health, reply) = await RunHostAsync();

        var index = health.GetProperty("index");
        Assert.Equal(1, index.GetProperty("documents").GetInt32());
        Assert.Equal(["broken.txt"], index.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()));
        var unreadable = Assert.Single(index.GetProperty("unreadable").EnumerateArray());
        Assert.Equal("broken.txt", unreadable.GetProperty("fileName").GetString());
        Assert.Equal("it is not UTF-8 text", unreadable.GetProperty("reason").GetString());
        Assert.DoesNotContain(_documents, health.ToString());
        Assert.Equal("answered", reply.GetProperty("status").GetString());
    }
}
