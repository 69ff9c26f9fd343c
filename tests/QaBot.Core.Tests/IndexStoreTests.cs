using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Core.Tests;

public sealed class IndexStoreTests : IDisposable
{
    private readonly string _work = TestCorpus.NewTempFolder();
    private readonly string _documents;
    private readonly string _index;

    public IndexStoreTests()
    {
        _documents = Path.Combine(_work, "documents");
        _index = Path.Combine(_work, "lucene");
        Directory.CreateDirectory(_documents);
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(_documents, "kratom-opioid-withdrawal.txt"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Live() => Path.Combine(_index, File.ReadAllText(Path.Combine(_index, "CURRENT")).Trim());

    [Fact]
    public void BuildsOnFirstUseAndReusesTheIndexWhileTheCorpusIsUnchanged()
    {
        using (var store = new IndexStore(_documents, _index))
        using (var snapshot = store.Acquire())
            Assert.Equal(35, snapshot.Manifest.Sentences);
        var first = Live();
        using (var store = new IndexStore(_documents, _index))
        using (store.Acquire()) { }
        Assert.Equal(first, Live());
    }

    [Fact]
    public void TheFingerprintChangesWithAnyDocumentAndTheStaleIndexIsRebuilt()
    {
        var before = IndexManifest.FingerprintOf(_documents);
        using (var store = new IndexStore(_documents, _index)) using (store.Acquire()) { }
        var first = Live();
        File.WriteAllText(Path.Combine(_documents, "extra.md"), "# Extra\n\nGrapefruit juice is mentioned here.\n");
        Assert.NotEqual(before, IndexManifest.FingerprintOf(_documents));
        using (var store = new IndexStore(_documents, _index))
        using (var snapshot = store.Acquire())
        {
            Assert.Equal(2, snapshot.Manifest.Documents.Count);
            Assert.NotEqual(first, Live());
        }
    }

    [Fact]
    public void ACrashMidBuildLeavesThePreviousIndexLiveAndUsable()
    {
        using (var store = new IndexStore(_documents, _index)) using (store.Acquire()) { }
        var live = Live();
        var crashing = new IndexStore(_documents, _index) { BeforeSwitch = _ => throw new IOException("power cut") };
        Assert.Throws<IOException>(() => crashing.Rebuild());
        Assert.Equal(live, Live());
        using var store2 = new IndexStore(_documents, _index);
        using var snapshot = store2.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
        Assert.Equal(live, Live());
    }

    [Fact]
    public void ACorruptedIndexIsRebuiltOnOpen()
    {
        using (var store = new IndexStore(_documents, _index)) using (store.Acquire()) { }
        foreach (var file in Directory.GetFiles(Live()).Where(f => !f.EndsWith(IndexManifest.FileName, StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3]);
        using var again = new IndexStore(_documents, _index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Reader.GetDocCount(Fields.Key));
    }

    [Fact]
    public void ADeletedIndexIsRebuiltOnOpen()
    {
        using (var store = new IndexStore(_documents, _index)) using (store.Acquire()) { }
        Directory.Delete(_index, recursive: true);
        using var again = new IndexStore(_documents, _index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
    }

    [Fact]
    public void AnUnreadableDocumentIsReportedAndSkippedWhileTheRestLoad()
    {
        File.WriteAllBytes(Path.Combine(_documents, "broken.txt"), [0x48, 0x69, 0xFF, 0xFE, 0x21]);
        using var store = new IndexStore(_documents, _index);
        using var snapshot = store.Acquire();
        Assert.Single(snapshot.Manifest.Documents);
        var skipped = Assert.Single(snapshot.Manifest.Skipped);
        Assert.Equal("broken.txt", skipped.FileName);
    }

    [Fact]
    public void AMissingDocumentsFolderIsAClearError()
    {
        using var store = new IndexStore(Path.Combine(_work, "nowhere"), _index);
        var error = Assert.Throws<CorpusException>(() => store.Acquire());
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void RebuildSwitchesSearchesToTheNewGenerationWhileOldSearchesFinish()
    {
        using var store = new IndexStore(_documents, _index);
        var old = store.Acquire();
        File.WriteAllText(Path.Combine(_documents, "extra.txt"), "Grapefruit juice is mentioned here.");
        store.Rebuild();
        Assert.Equal(35, old.Reader.GetDocCount(Fields.Key));
        old.Dispose();
        using var fresh = store.Acquire();
        Assert.Equal(36, fresh.Reader.GetDocCount(Fields.Key));
    }

    [Fact]
    public void RefreshRebuildsWhenTheDocumentsChangedAndOtherwiseKeepsTheLiveGeneration()
    {
        using var store = new IndexStore(_documents, _index);
        using (store.Acquire()) { }
        Assert.False(store.Refresh());
        var old = store.Acquire();
        File.WriteAllText(Path.Combine(_documents, "extra.txt"), "Grapefruit juice is mentioned here.");

        Assert.False(store.Refresh(rebuildWhenStale: false));
        Assert.True(store.Refresh());

        Assert.Equal(35, old.Reader.GetDocCount(Fields.Key));
        old.Dispose();
        using var fresh = store.Acquire();
        Assert.Equal(36, fresh.Reader.GetDocCount(Fields.Key));
        Assert.Equal(Path.GetFileName(Live()), fresh.Generation);
    }

    [Fact]
    public void RefreshPicksUpTheGenerationAnotherProcessMadeCurrent()
    {
        using var host = new IndexStore(_documents, _index);
        string before;
        using (var snapshot = host.Acquire()) before = snapshot.Generation;
        File.WriteAllText(Path.Combine(_documents, "extra.txt"), "Grapefruit juice is mentioned here.");
        using (var other = new IndexStore(_documents, _index)) other.Rebuild();   // what `qabot index` does
        var built = Path.GetFileName(Live());

        Assert.True(host.Refresh(rebuildWhenStale: false));

        using var fresh = host.Acquire();
        Assert.NotEqual(before, built);
        Assert.Equal(built, fresh.Generation);
        Assert.Equal(36, fresh.Reader.GetDocCount(Fields.Key));
    }
}
