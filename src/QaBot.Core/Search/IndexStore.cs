using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Core.Documents;
using QaBot.Core.Meaning;

namespace QaBot.Core.Search;

/// <summary>
/// Owns the on-disk index: generations under the index folder, and a CURRENT file naming the live
/// one. A build writes a new folder and only then switches CURRENT (an atomic rename), so a crash
/// mid-build leaves the previous generation usable. Searching shares one reader and never writes.
/// </summary>
public sealed class IndexStore : IDisposable
{
    private const string CurrentFile = "CURRENT";
    private readonly string _documents;
    private readonly string _folder;
    private readonly ILogger _log;
    private readonly Embedder? _embedder;
    private readonly System.Threading.Lock _gate = new();
    // One build or switch at a time in this process; searches go on meanwhile under _gate.
    private readonly System.Threading.Lock _refreshing = new();
    private IndexSnapshot? _snapshot;

    /// <param name="embedder">The embedding model whose vectors each generation stores; null for a lexical-only index.</param>
    public IndexStore(string documentsFolder, string indexFolder, ILogger<IndexStore>? log = null, Embedder? embedder = null)
    {
        _documents = documentsFolder;
        _folder = indexFolder;
        _log = log ?? NullLogger<IndexStore>.Instance;
        _embedder = embedder;
    }

    /// <summary>The embedding model the generations carry vectors of, or null.</summary>
    public Embedder? Embedder => _embedder;

    private string Fingerprint() => IndexManifest.FingerprintOf(_documents, _embedder?.ModelId);

    /// <summary>Test seam: runs after a generation is written and before it goes live.</summary>
    internal Action<string>? BeforeSwitch { get; init; }

    /// <summary>The live index, opened (or built, when missing, stale or unreadable) on first use. Dispose it after searching.</summary>
    public IndexSnapshot Acquire()
    {
        lock (_gate)
        {
            if (_snapshot is null)
            {
                var fingerprint = Fingerprint();
                _snapshot = TryOpenCurrent(fingerprint) ?? BuildAndOpen(fingerprint);
            }
            return _snapshot.Acquire();
        }
    }

    /// <summary>Rebuilds from the documents now and switches searches over to the new generation.</summary>
    public IndexManifest Rebuild()
    {
        lock (_refreshing)
        {
            var fresh = BuildAndOpen(Fingerprint());
            SwitchTo(fresh);
            return fresh.Manifest;
        }
    }

    /// <summary>
    /// Brings the live generation up to date while searches go on: opens a generation another
    /// process (<c>qabot index</c>) made current, or rebuilds when the documents changed, then switches
    /// to it atomically (searches already running finish on the old one). Nothing happens before
    /// the first <see cref="Acquire"/>, which opens or builds as usual.
    /// </summary>
    /// <param name="rebuildWhenStale">False: only pick up another process's generation, never build here.</param>
    /// <returns>True when searches now use another generation.</returns>
    public bool Refresh(bool rebuildWhenStale = true)
    {
        lock (_refreshing)
        {
            IndexSnapshot? live;
            lock (_gate) live = _snapshot;
            if (live is null) return false;
            var fingerprint = Fingerprint();
            if (CurrentName() is { } named && named != live.Generation && TryOpenCurrent(fingerprint) is { } theirs)
            {
                SwitchTo(theirs);
                return true;
            }
            if (live.Manifest.Fingerprint == fingerprint || !rebuildWhenStale) return false;
            SwitchTo(BuildAndOpen(fingerprint));
            return true;
        }
    }

    private void SwitchTo(IndexSnapshot fresh)
    {
        IndexSnapshot? old;
        lock (_gate)
        {
            old = _snapshot;
            _snapshot = fresh;
        }
        old?.Release();
    }

    /// <summary>The generation CURRENT names, or null when there is none.</summary>
    private string? CurrentName()
    {
        try { return File.ReadAllText(Path.Combine(_folder, CurrentFile)).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private IndexSnapshot? TryOpenCurrent(string fingerprint)
    {
        var path = Path.Combine(_folder, CurrentFile);
        if (!File.Exists(path)) return null;
        var folder = Path.Combine(_folder, File.ReadAllText(path).Trim());
        try
        {
            var manifest = IndexManifest.Read(folder);
            if (manifest.Fingerprint != fingerprint)
            {
                _log.LogInformation("The index is stale (the documents or the analysis changed); rebuilding.");
                return null;
            }
            return Open(folder, manifest);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.LogWarning("The index at {Folder} cannot be read ({Reason}); rebuilding.", folder, e.Message);
            return null;
        }
    }

    private IndexSnapshot BuildAndOpen(string fingerprint)
    {
        var corpus = Corpus.Load(_documents);
        foreach (var skipped in corpus.Skipped)
            _log.LogWarning("Skipped {File}: {Reason}.", skipped.FileName, skipped.Reason);
        System.IO.Directory.CreateDirectory(_folder);
        var building = Path.Combine(_folder, "building-" + Guid.NewGuid().ToString("N"));
        var manifest = IndexBuilder.Build(corpus, fingerprint, building, _embedder);
        BeforeSwitch?.Invoke(building);
        var generation = $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];
        System.IO.Directory.Move(building, Path.Combine(_folder, generation));
        var pointer = Path.Combine(_folder, $"{CurrentFile}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(pointer, generation);
        File.Move(pointer, Path.Combine(_folder, CurrentFile), overwrite: true);
        _log.LogInformation("Indexed {Sentences} sentences from {Documents} documents.", manifest.Sentences, manifest.Documents.Count);
        RemoveOldGenerations(generation);
        return Open(Path.Combine(_folder, generation), manifest);
    }

    private IndexSnapshot Open(string folder, IndexManifest manifest)
    {
        var vectors = _embedder is null ? null : GenerationVectors.Read(folder)
            ?? throw new InvalidDataException("the generation has no vectors for the embedding model");
        if (vectors is not null) _embedder!.Remember(vectors.Words);
        return new IndexSnapshot(DirectoryReader.Open(FSDirectory.Open(folder)), manifest, vectors) { Generation = Path.GetFileName(folder) };
    }

    /// <summary>Keeps the live generation and the one before it (another process may still read it).</summary>
    private void RemoveOldGenerations(string live)
    {
        var stale = new DirectoryInfo(_folder).EnumerateDirectories()
            .Where(d => d.Name != live && (d.Name.StartsWith("gen-", StringComparison.Ordinal)
                || (d.Name.StartsWith("building-", StringComparison.Ordinal) && d.LastWriteTimeUtc < DateTime.UtcNow.AddMinutes(-30))))
            .OrderByDescending(d => d.Name, StringComparer.Ordinal)
            .Skip(1);
        foreach (var dir in stale)
        {
            try { dir.Delete(recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _log.LogDebug("Could not remove {Dir}: {Reason}", dir.Name, e.Message); }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _snapshot?.Release();
            _snapshot = null;
        }
    }
}
