using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Core.Documents;
using QaBot.Core.Search;
using QaBot.Tests.Shared;

namespace QaBot.Core.Tests;

/// <summary>Damaged index data is caught by its checksums and rebuilt; when no rebuild can run, an earlier good generation answers and the store says why.</summary>
public sealed class IndexHealingTests : IndexFolders
{
    /// <summary>The segment's compound file: its stored fields, postings and the rest in one file.</summary>
    private static string SegmentData(string generation) => Directory.GetFiles(generation, "*.cfs").Single();

    private static List<string> Texts(IndexSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Reader.Document(d).Get(Fields.Text)).Where(t => t is not null).ToList();

    [Fact]
    public void FlippedBitsInStoredFieldsFailTheChecksumAndTheGenerationIsRebuilt()
    {
        List<string> texts;
        using (var store = new IndexStore(Documents, Index))
        using (var snapshot = store.Acquire())
            texts = Texts(snapshot);
        var damaged = Live();
        StorageFaults.FlipBits(SegmentData(damaged), 30);

        using var again = new IndexStore(Documents, Index);
        using var healed = again.Acquire();
        Assert.NotEqual(damaged, Live());
        Assert.Equal(texts, Texts(healed));
        Assert.Null(again.Degraded);
    }

    [Fact]
    public async Task DamagedVectorsFailTheirHashAndTheGenerationIsRebuilt()
    {
        var settings = new Dictionary<string, string?> { ["Index:Path"] = Index };
        using (var services = TestCorpus.Services(Documents, settings))
            Assert.Equal(ReplyStatus.Answered, (await TestCorpus.Answerer(services).AnswerAsync("Can kratom cause hair loss?")).Status);
        var damaged = Live();
        StorageFaults.FlipBits(Path.Combine(damaged, "vectors.bin"), 30);

        using var restarted = TestCorpus.Services(Documents, settings);
        var reply = await TestCorpus.Answerer(restarted).AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.NotEqual(damaged, Live());
    }

    [Fact]
    public async Task AFileCutShortUnderARunningStoreGetsAPoliteReplyAndTheNextQuestionARebuiltIndex()
    {
        using var services = TestCorpus.Services(Documents, new Dictionary<string, string?> { ["Index:Path"] = Index });
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
        using (var store = new IndexStore(Documents, Index)) using (store.Acquire()) { }
        Directory.Delete(Documents, recursive: true);

        using var again = new IndexStore(Documents, Index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
        Assert.Contains("documents cannot be read", again.Degraded, StringComparison.Ordinal);
        Assert.DoesNotContain(Work, again.Degraded, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenNoRebuildCanBeWrittenTheNewestSoundGenerationAnswers()
    {
        string earlier;
        using (var store = new IndexStore(Documents, Index))
        {
            using (store.Acquire()) { }
            earlier = Live();
            store.Rebuild();
        }
        var damaged = Live();
        Assert.NotEqual(earlier, damaged);
        StorageFaults.FlipBits(SegmentData(damaged), 30);

        // What a read-only index folder or a full disk does to a build.
        using var readOnly = new IndexStore(Documents, Index) { BeforeSwitch = _ => throw new IOException("Read-only file system") };
        using var snapshot = readOnly.Acquire();
        Assert.Equal(Path.GetFileName(earlier), snapshot.Generation);
        Assert.Contains("cannot be written", readOnly.Degraded, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefreshThatCannotRebuildKeepsTheLiveGenerationAndSaysWhy()
    {
        using var store = new IndexStore(Documents, Index);
        using (store.Acquire()) { }
        var live = Live();
        Directory.Delete(Documents, recursive: true);

        Assert.False(store.Refresh());
        using var snapshot = store.Acquire();
        Assert.Equal(Path.GetFileName(live), snapshot.Generation);
        Assert.NotNull(store.Degraded);
    }

    [Fact]
    public void ABuildLeftHalfWayByACrashIsRemovedAtTheNextStartAndARunningOneIsNot()
    {
        var abandoned = Path.Combine(Index, "building-crashed");
        var running = Path.Combine(Index, "building-running");
        foreach (var folder in new[] { abandoned, running })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "_0.fdt"), "half written");
            File.WriteAllText(Path.Combine(folder, ".building"), "");
        }
        using (new FileStream(Path.Combine(running, ".building"), FileMode.Open, FileAccess.Write, FileShare.None))
        using (var store = new IndexStore(Documents, Index))
        using (store.Acquire())
        {
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(running));
        }
    }
}
