using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Web.Hosting;

/// <summary>
/// Live documents: watches the documents folder and the synonym file (Index:WatchDocuments), and the
/// index's CURRENT file, which <c>qabot index</c> in another process switches; after changes settle
/// (and every Index:PollInterval) it refreshes in the background.
/// Questions go on being answered from the live generation until the new one is switched in.
/// </summary>
internal sealed class IndexWatcher(IndexStore index, SynonymSource synonyms, IOptions<IndexOptions> options, IOptions<CorpusOptions> corpus,
    QaBotPaths paths, ILogger<IndexWatcher> log) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];
    private DateTime _synonymsWritten;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _synonymsWritten = File.GetLastWriteTimeUtc(synonyms.Path);
        if (settings.WatchDocuments)
        {
            Watch(paths.Resolve(corpus.Value.DocumentsPath), null, includeSubdirectories: true);
            Watch(Path.GetDirectoryName(synonyms.Path)!, Path.GetFileName(synonyms.Path), includeSubdirectories: false);
        }
        // The first build may not have made the index folder yet.
        Watch(Directory.CreateDirectory(paths.Resolve(settings.Path)).FullName, "CURRENT", includeSubdirectories: false);
        var poll = settings.PollInterval > TimeSpan.Zero ? settings.PollInterval : Timeout.InfiniteTimeSpan;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _changed.WaitAsync(poll, stoppingToken);
            // Let a burst of events (a file being copied) settle, then handle them all at once.
            await Task.Delay(settings.RefreshDelay, stoppingToken);
            while (_changed.CurrentCount > 0) await _changed.WaitAsync(stoppingToken);
            await Task.Run(() => Refresh(settings.WatchDocuments), stoppingToken);
        }
    }

    private void Refresh(bool documentsToo)
    {
        var written = File.GetLastWriteTimeUtc(synonyms.Path);
        if (documentsToo && written != _synonymsWritten)
        {
            _synonymsWritten = written;
            try
            {
                synonyms.Reload();
                log.LogInformation("The synonym file changed; questions now use it.");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogWarning("The synonym file changed but cannot be used ({Reason}); the previous synonyms stay.", e.Message);
            }
        }
        try
        {
            if (index.Refresh(rebuildWhenStale: documentsToo))
            {
                using var snapshot = index.Acquire();
                log.LogInformation("Now answering from index generation {Generation}: {Documents} documents, {Sentences} sentences.",
                    snapshot.Generation, snapshot.Manifest.Documents.Count, snapshot.Manifest.Sentences);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The live generation stays; the next change or poll tries again.
            log.LogError(e, "The index could not be refreshed; answering from the previous generation.");
        }
    }

    /// <summary>Watches a folder (or one file in it, by name); a folder that does not exist yet is left to the poll.</summary>
    private void Watch(string folder, string? file, bool includeSubdirectories)
    {
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Cannot watch {Folder}: it does not exist.", Path.GetFileName(folder));
            return;
        }
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(string? name)
        {
            // CURRENT is replaced by renaming a temporary file onto it: the new name is what counts.
            if (file is not null && !string.Equals(Path.GetFileName(name), file, StringComparison.Ordinal)) return;
            _changed.Release();
        }
        watcher.Created += (_, e) => Changed(e.Name);
        watcher.Changed += (_, e) => Changed(e.Name);
        watcher.Deleted += (_, e) => Changed(e.Name);
        watcher.Renamed += (_, e) => Changed(e.Name);
        watcher.Error += (_, e) =>
        {
            log.LogWarning("Watching {Folder} failed ({Reason}); the poll still checks.", Path.GetFileName(folder), e.GetException().Message);
            _changed.Release();
        };
        try
        {
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Out of inotify instances, say: answering goes on, and the poll (if any) still checks.
            log.LogWarning("Cannot watch {Folder} ({Reason}); changes are seen every Index:PollInterval.", Path.GetFileName(folder), e.Message);
            watcher.Dispose();
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _changed.Dispose();
        base.Dispose();
    }
}
