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
/// A generation is verified when opened (Lucene's checksums, the vectors' hash); one that fails is
/// rebuilt, and when no rebuild can run (documents missing, folder not writable) the newest good
/// generation on disk keeps answering and <see cref="Degraded"/> says why.
/// </summary>
public sealed class IndexStore : IDisposable
{
    private const string CurrentFile = "CURRENT";
    private const string BuildingPrefix = "building-";
    /// <summary>Held open (exclusively) by a build in progress, so another process can tell an abandoned build from a running one.</summary>
    private const string BuildLock = ".building";
    private readonly string _documents;
    private readonly string _folder;
    private readonly ILogger _log;
    private readonly Embedder? _embedder;
    private readonly System.Threading.Lock _gate = new();
    // One build or switch at a time in this process; searches go on meanwhile under _gate.
    private readonly System.Threading.Lock _refreshing = new();
    private IndexSnapshot? _snapshot;
    private volatile string? _degraded;

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

    /// <summary>Null while the live generation is current and sound; else why it is not (never naming a folder).</summary>
    public string? Degraded => _degraded;

    private string Fingerprint() => IndexManifest.FingerprintOf(_documents, _embedder?.ModelId);

    /// <summary>Test seam: runs after a generation is written and before it goes live.</summary>
    internal Action<string>? BeforeSwitch { get; init; }

    /// <summary>The live index, opened (or built, when missing, stale or unreadable) on first use. Dispose it after searching.</summary>
    public IndexSnapshot Acquire()
    {
        lock (_gate)
        {
            _snapshot ??= OpenOrBuild();
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
            _degraded = null;
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
            try
            {
                var fingerprint = Fingerprint();
                if (CurrentName() is { } named && named != live.Generation && TryOpenCurrent(fingerprint) is { } theirs)
                {
                    SwitchTo(theirs);
                    _degraded = null;
                    return true;
                }
                if (live.Manifest.Fingerprint == fingerprint || !rebuildWhenStale) return false;
                SwitchTo(BuildAndOpen(fingerprint));
                _degraded = null;
                return true;
            }
            catch (Exception e) when (CannotRebuild(e))
            {
                // Keep answering from the live generation; say why it is not the documents' latest.
                _degraded = Unbuildable(e);
                _log.LogError(e, "The index cannot be rebuilt; still answering from {Generation}.", live.Generation);
                return false;
            }
        }
    }

    /// <summary>
    /// A search on <paramref name="snapshot"/> failed reading the index: when it is still the live
    /// generation, it is dropped, so the next search opens it again (verifying it) or rebuilds.
    /// </summary>
    public void ReportFault(IndexSnapshot snapshot, Exception fault)
    {
        if (fault is not IOException) return; // not the index's data (Lucene's corruption errors are IOExceptions)
        IndexSnapshot? dropped = null;
        lock (_gate)
        {
            if (ReferenceEquals(_snapshot, snapshot))
            {
                dropped = _snapshot;
                _snapshot = null;
            }
        }
        if (dropped is null) return;
        _log.LogError(fault, "Reading index generation {Generation} failed; it will be verified or rebuilt.", dropped.Generation);
        dropped.Release();
    }

    /// <summary>At first use: the current generation when it is current and sound, else a new build, else the newest good one on disk.</summary>
    private IndexSnapshot OpenOrBuild()
    {
        RemoveAbandonedBuilds();
        try
        {
            var fingerprint = Fingerprint();
            var opened = TryOpenCurrent(fingerprint) ?? BuildAndOpen(fingerprint);
            _degraded = null;
            return opened;
        }
        catch (Exception e) when (CannotRebuild(e))
        {
            var reason = Unbuildable(e);
            _log.LogError(e, "The index cannot be built; looking for a previous generation to answer from.");
            var previous = NewestSoundGeneration();
            if (previous is null) throw;
            _degraded = reason + "; answering from an earlier index of the documents";
            return previous;
        }
    }

    private static bool CannotRebuild(Exception e) => e is IOException or UnauthorizedAccessException or CorpusException;

    /// <summary>Why a build could not run, for /healthz: the documents or the index folder, never their paths.</summary>
    private static string Unbuildable(Exception e) => e is CorpusException
        ? "the documents cannot be read (the folder is missing or holds no readable document)"
        : "a new index cannot be written (the index folder is not writable or the disk is full)";

    /// <summary>Generations on disk, newest first; the first that opens and verifies.</summary>
    private IndexSnapshot? NewestSoundGeneration()
    {
        if (!System.IO.Directory.Exists(_folder)) return null;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(_folder, "gen-*").OrderByDescending(d => d, StringComparer.Ordinal))
        {
            try
            {
                return Open(folder, IndexManifest.Read(folder));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.LogWarning("Generation {Generation} cannot be used ({Reason}).", Path.GetFileName(folder), e.Message);
            }
        }
        return null;
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
        var building = Path.Combine(_folder, BuildingPrefix + Guid.NewGuid().ToString("N"));
        IndexManifest manifest;
        System.IO.Directory.CreateDirectory(building);
        using (new FileStream(Path.Combine(building, BuildLock), FileMode.Create, FileAccess.Write, FileShare.None))
        {
            manifest = IndexBuilder.Build(corpus, fingerprint, building, _embedder);
            BeforeSwitch?.Invoke(building);
        }
        File.Delete(Path.Combine(building, BuildLock));
        var generation = $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];
        System.IO.Directory.Move(building, Path.Combine(_folder, generation));
        var pointer = Path.Combine(_folder, $"{CurrentFile}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(pointer, generation);
        File.Move(pointer, Path.Combine(_folder, CurrentFile), overwrite: true);
        _log.LogInformation("Indexed {Sentences} sentences from {Documents} documents.", manifest.Sentences, manifest.Documents.Count);
        RemoveOldGenerations(generation);
        return Open(Path.Combine(_folder, generation), manifest);
    }

    /// <summary>
    /// Opens a generation and verifies it: every Lucene file against its checksum and the vectors
    /// against the manifest's hash. Files are read, not memory-mapped, so a file cut short under a
    /// running process is an error to recover from, not a crash.
    /// </summary>
    private IndexSnapshot Open(string folder, IndexManifest manifest)
    {
        if (_embedder is not null && manifest.VectorsSha256 is { } expected && IndexManifest.HashOf(Path.Combine(folder, GenerationVectors.FileName)) != expected)
            throw new CorruptIndexException($"{GenerationVectors.FileName} in {Path.GetFileName(folder)} does not match its checksum");
        var vectors = _embedder is null ? null : GenerationVectors.Read(folder)
            ?? throw new InvalidDataException("the generation has no vectors for the embedding model");
        var reader = DirectoryReader.Open(new NIOFSDirectory(new DirectoryInfo(folder)));
        try
        {
            foreach (var leaf in reader.Leaves) leaf.AtomicReader.CheckIntegrity();
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        if (vectors is not null) _embedder!.Remember(vectors.Words);
        return new IndexSnapshot(reader, manifest, vectors) { Generation = Path.GetFileName(folder) };
    }

    /// <summary>Removes the folders of builds that stopped half way (a crash): those whose build lock nobody holds.</summary>
    private void RemoveAbandonedBuilds()
    {
        if (!System.IO.Directory.Exists(_folder)) return;
        foreach (var dir in System.IO.Directory.EnumerateDirectories(_folder, BuildingPrefix + "*"))
        {
            try
            {
                var lockFile = Path.Combine(dir, BuildLock);
                if (File.Exists(lockFile))
                    using (new FileStream(lockFile, FileMode.Open, FileAccess.Write, FileShare.None)) { } // throws while a build holds it
                System.IO.Directory.Delete(dir, recursive: true);
                _log.LogInformation("Removed {Folder}, left by a build that did not finish.", Path.GetFileName(dir));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.LogDebug("Left {Folder}: {Reason}", Path.GetFileName(dir), e.Message);
            }
        }
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
