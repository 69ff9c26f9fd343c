using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Core.Documents;
using QaBot.Core.Search;
using QaBot.Tests.Shared;

namespace QaBot.Core.Tests;

/// <summary>Damaged index data is caught by its checksums and rebuilt; when no rebuild can run, an earlier good generation answers and the store says why.</summary>
public sealed class IndexHealingTests : IDisposable
{
    private readonly string _work = TestCorpus.NewTempFolder();
    private readonly string _documents;
    private readonly string _index;

    public IndexHealingTests()
    {
        _documents = Path.Combine(_work, "documents");
        _index = Path.Combine(_work, "lucene");
        Directory.CreateDirectory(_documents);
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(_documents, "kratom-opioid-withdrawal.txt"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Live() => Path.Combine(_index, File.ReadAllText(Path.Combine(_index, "CURRENT")).Trim());

    /// <summary>The segment's compound file: its stored fields, postings and the rest in one file.</summary>
    private static string SegmentData(string generation) => Directory.GetFiles(generation, "*.cfs").Single();

    private static List<string> Texts(IndexSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Reader.Document(d).Get(Fields.Text)).Where(t => t is not null).ToList();

    [Fact]
    public void FlippedBitsInStoredFieldsFailTheChecksumAndTheGenerationIsRebuilt()
    {
        List<string> texts;
        using (var store = new IndexStore(_documents, _index))
        using (var snapshot = store.Acquire())
            texts = Texts(snapshot);
        var damaged = Live();
        StorageFaults.FlipBits(SegmentData(damaged), 30);

        using var again = new IndexStore(_documents, _index);
        using var healed = again.Acquire();
        Assert.NotEqual(damaged, Live());
        Assert.Equal(texts, Texts(healed));
        Assert.Null(again.Degraded);
    }

    [Fact]
    public async Task DamagedVectorsFailTheirHashAndTheGenerationIsRebuilt()
    {
        var settings = new Dictionary<string, string?> { ["Index:Path"] = _index };
        using (var services = TestCorpus.Services(_documents, settings))
            Assert.Equal(ReplyStatus.Answered, (await TestCorpus.Answerer(services).AnswerAsync("Can kratom cause hair loss?")).Status);
        var damaged = Live();
        StorageFaults.FlipBits(Path.Combine(damaged, "vectors.bin"), 30);

        using var restarted = TestCorpus.Services(_documents, settings);
        var reply = await TestCorpus.Answerer(restarted).AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.NotEqual(damaged, Live());
    }

    [Fact]
    public async Task AFileCutShortUnderARunningStoreGetsAPoliteReplyAndTheNextQuestionARebuiltIndex()
    {
        using var services = TestCorpus.Services(_documents, new Dictionary<string, string?> { ["Index:Path"] = _index });
        var store = services.GetRequiredService<IndexStore>();
        using (store.Acquire()) { }
        var live = Live();
        using (var file = new FileStream(SegmentData(live), FileMode.Open, FileAccess.Write)) file.SetLength(16);
        var answerer = TestCorpus.Answerer(services);

        var during = await answerer.AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.NotFound, during.Status);
        Assert.Contains("could not search the documents", during.Text, StringComparison.Ordinal);
        Assert.EndsWith(during.Advisory, during.Text, StringComparison.Ordinal);

        var after = await answerer.AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, after.Status);
        Assert.NotEqual(live, Live());
    }

    [Fact]
    public void WithTheDocumentsGoneTheGoodIndexKeepsAnsweringAndSaysWhy()
    {
        using (var store = new IndexStore(_documents, _index)) using (store.Acquire()) { }
        Directory.Delete(_documents, recursive: true);

        using var again = new IndexStore(_documents, _index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
        Assert.Contains("documents cannot be read", again.Degraded, StringComparison.Ordinal);
        Assert.DoesNotContain(_work, again.Degraded, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenNoRebuildCanBeWrittenTheNewestSoundGenerationAnswers()
    {
        string earlier;
        using (var store = new IndexStore(_documents, _index))
        {
            using (store.Acquire()) { }
            earlier = Live();
            store.Rebuild();
        }
        var damaged = Live();
        Assert.NotEqual(earlier, damaged);
        StorageFaults.FlipBits(SegmentData(damaged), 30);

        // What a read-only index folder or a full disk does to a build.
        using var readOnly = new IndexStore(_documents, _index) { BeforeSwitch = _ => throw new IOException("Read-only file system") };
        using var snapshot = readOnly.Acquire();
        Assert.Equal(Path.GetFileName(earlier), snapshot.Generation);
        Assert.Contains("cannot be written", readOnly.Degraded, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefreshThatCannotRebuildKeepsTheLiveGenerationAndSaysWhy()
    {
        using var store = new IndexStore(_documents, _index);
        using (store.Acquire()) { }
        var live = Live();
        Directory.Delete(_documents, recursive: true);

        Assert.False(store.Refresh());
        using var snapshot = store.Acquire();
        Assert.Equal(Path.GetFileName(live), snapshot.Generation);
        Assert.NotNull(store.Degraded);
    }

    [Fact]
    public void ABuildLeftHalfWayByACrashIsRemovedAtTheNextStartAndARunningOneIsNot()
    {
        var abandoned = Path.Combine(_index, "building-crashed");
        var running = Path.Combine(_index, "building-running");
        foreach (var folder in new[] { abandoned, running })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "_0.fdt"), "half written");
            File.WriteAllText(Path.Combine(folder, ".building"), "");
        }
        using (new FileStream(Path.Combine(running, ".building"), FileMode.Open, FileAccess.Write, FileShare.None))
        using (var store = new IndexStore(_documents, _index))
        using (store.Acquire())
        {
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(running));
        }
    }
}
