using QaBot.Core.Search;

namespace QaBot.Web.Hosting;

/// <summary>Opens (or builds) the index as the host starts, so the first question does not wait for it.</summary>
internal sealed class IndexWarmup(IndexStore index, ILogger<IndexWarmup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            using var snapshot = index.Acquire();
            log.LogInformation("The index is ready: {Sentences} sentences from {Documents} documents.", snapshot.Manifest.Sentences, snapshot.Manifest.Documents.Count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // /healthz reports it; every question tries again.
            log.LogError(e, "The index could not be opened or built.");
        }
    }, stoppingToken);
}
