using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Core.Tests;

public sealed class IndexStoreTests : IndexFolders
{
    [Fact]
    public void BuildsOnFirstUseAndReusesTheIndexWhileTheCorpusIsUnchanged()
    {
        using (var store = new IndexStore(Documents, Index))
        using (var snapshot = store.Acquire())
            Assert.Equal(35, snapshot.Manifest.Sentences);
        var first = Live();
        using (var store = new IndexStore(Documents, Index))
        using (store.Acquire()) { }
        Assert.Equal(first, Live());
    }

    [Fact]
    public void TheFingerprintChangesWithAnyDocumentAndTheStaleIndexIsRebuilt()
    {
        var before = IndexManifest.FingerprintOf(Documents);
        using (var store = new IndexStore(Documents, Index)) using (store.Acquire()) { }
        var first = Live();
        File.WriteAllText(Path.Combine(Documents, "extra.md"), "# Extra\n\nGrapefruit juice is mentioned here.\n");
        Assert.NotEqual(before, IndexManifest.FingerprintOf(Documents));
        using (var store = new IndexStore(Documents, Index))
        using (var snapshot = store.Acquire())
        {
            Assert.Equal(2, snapshot.Manifest.Documents.Count);
            Assert.NotEqual(first, Live());
        }
    }

    [Fact]
    public void ACrashMidBuildLeavesThePreviousIndexLiveAndUsable()
    {
        using (var store = new IndexStore(Documents, Index)) using (store.Acquire()) { }
        var live = Live();
        var crashing = new IndexStore(Documents, Index) { BeforeSwitch = _ => throw new IOException("power cut") };
        Assert.Throws<IOException>(() => crashing.Rebuild());
        Assert.Equal(live, Live());
        using var store2 = new IndexStore(Documents, Index);
        using var snapshot = store2.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
        Assert.Equal(live, Live());
    }

    [Fact]
    public void ACorruptedIndexIsRebuiltOnOpen()
    {
        using (var store = new IndexStore(Documents, Index)) using (store.Acquire()) { }
        foreach (var file in Directory.GetFiles(Live()).Where(f => !f.EndsWith(IndexManifest.FileName, StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3]);
        using var again = new IndexStore(Documents, Index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Reader.GetDocCount(Fields.Key));
    }

    [Fact]
    public void ADeletedIndexIsRebuiltOnOpen()
    {
        using (var store = new IndexStore(Documents, Index)) using (store.Acquire()) { }
        Directory.Delete(Index, recursive: true);
        using var again = new IndexStore(Documents, Index);
        using var snapshot = again.Acquire();
        Assert.Equal(35, snapshot.Manifest.Sentences);
    }

    [Fact]
    public void AnUnreadableDocumentIsReportedAndSkippedWhileTheRestLoad()
    {
        File.WriteAllBytes(Path.Combine(Documents, "broken.txt"), [0x48, 0x69, 0xFF, 0xFE, 0x21]);
        using var store = new IndexStore(Documents, Index);
        using var snapshot = store.Acquire();
        Assert.Single(snapshot.Manifest.Documents);
        var skipped = Assert.Single(snapshot.Manifest.Skipped);
        Assert.Equal("broken.txt", skipped.FileName);
    }

    [Fact]
    public void AMissingDocumentsFolderIsAClearError()
    {
        using var store = new IndexStore(Path.Combine(Work, "nowhere"), Index);
        var error = Assert.Throws<CorpusException>(() => store.Acquire());
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void RebuildSwitchesSearchesToTheNewGenerationWhileOldSearchesFinish()
    {
        using var store = new IndexStore(Documents, Index);
        var old = store.Acquire();
        File.WriteAllText(Path.Combine(Documents, "extra.txt"), "Grapefruit juice is mentioned here.");
        store.Rebuild();
        Assert.Equal(35, old.Reader.GetDocCount(Fields.Key));
        old.Dispose();
        using var fresh = store.Acquire();
        Assert.Equal(36, fresh.Reader.GetDocCount(Fields.Key));
    }

    [Fact]
    public void RefreshRebuildsWhenTheDocumentsChangedAndOtherwiseKeepsTheLiveGeneration()
    {
        using var store = new IndexStore(Documents, Index);
        using (store.Acquire()) { }
        Assert.False(store.Refresh());
        var old = store.Acquire();
        File.WriteAllText(Path.Combine(Documents, "extra.txt"), "Grapefruit juice is mentioned here.");

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
        using var host = new IndexStore(Documents, Index);
        string before;
        using (var snapshot = host.Acquire()) before = snapshot.Generation;
        File.WriteAllText(Path.Combine(Documents, "extra.txt"), "Grapefruit juice is mentioned here.");
        using (var other = new IndexStore(Documents, Index)) other.Rebuild();   // what `qabot index` does
        var built = Path.GetFileName(Live());

        Assert.True(host.Refresh(rebuildWhenStale: false));

        using var fresh = host.Acquire();
        Assert.NotEqual(before, built);
        Assert.Equal(built, fresh.Generation);
        Assert.Equal(36, fresh.Reader.GetDocCount(Fields.Key));
    }
}
