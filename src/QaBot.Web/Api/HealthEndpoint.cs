using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using QaBot.Ai;
using QaBot.Core.Documents;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Web.Api;

/// <summary>
/// <c>GET /healthz</c>: whether the host is up and its index can be opened (503 when not), and whether
/// a model is configured and answers (without one, or when it is down, the answers are extractive: still ready), and
/// whether questions are read with the embedding model or lexically.
/// </summary>
internal static class HealthEndpoint
{
    public sealed record Health(string Status, HostHealth Host, IndexHealth Index, ModelStatus Model, UnderstandingHealth Understanding);

    /// <summary>How questions are read: "model" (the embedding model and the fitted models) or "lexical", why, and with which embedding model.</summary>
    public sealed record UnderstandingHealth(string Mode, string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EmbeddingModel);

    public sealed record HostHealth(bool Ready);

    public sealed record IndexHealth(
        bool Ready,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Documents,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Sentences,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
        // Documents that could not be read and were left out, by file name only (never a folder).
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Skipped = null,
        // The same files with why each was left out (a reason never names a folder).
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SkippedFile>? Unreadable = null,
        // The live generation: its name, when it was built, and what it holds (file names only).
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Generation = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? BuiltAt = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IndexedFile>? Files = null,
        // Why the live generation is not the documents' latest sound one (a rebuild could not run), when it is not.
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Degraded = null);

    /// <summary>One indexed document: its file, title and how many sentences it gave.</summary>
    public sealed record IndexedFile(string FileName, string Title, int Sentences);

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/healthz", Check)
        .WithTags("Operations")
        .WithSummary("Readiness of the host, its index, the model and how questions are read")
        .WithDescription("200 when the host and its index are ready (status \"degraded\" when it answers from an earlier index it could not rebuild, with the reason); 503 while starting or when no index can be opened.");

    public static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> Check(IndexStore index, IModelHealth modelHealth, UnderstandingSource understandingSource,
        IHostApplicationLifetime lifetime, ILogger<IndexStore> log, CancellationToken cancellationToken)
    {
        var model = await modelHealth.CheckAsync(cancellationToken);
        var understanding = new UnderstandingHealth(understandingSource.Mode, understandingSource.Status, understandingSource.Embedder?.ModelId);
        var host = new HostHealth(lifetime.ApplicationStarted.IsCancellationRequested);
        try
        {
            using var snapshot = index.Acquire();
            var manifest = snapshot.Manifest;
            var degraded = index.Degraded;
            var status = !host.Ready ? "starting" : degraded is null ? "ready" : "degraded";
            var health = new Health(status, host, new IndexHealth(true, manifest.Documents.Count, manifest.Sentences, null,
                manifest.Skipped.Count == 0 ? null : [.. manifest.Skipped.Select(s => s.FileName)],
                manifest.Skipped.Count == 0 ? null : manifest.Skipped,
                snapshot.Generation, manifest.BuiltAt, [.. manifest.Documents.Select(d => new IndexedFile(d.FileName, d.Title, d.Sentences))], degraded), model, understanding);
            return host.Ready ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reason goes to the log, not to whoever asks: it can name folders on the server.
            log.LogError(e, "The index cannot be opened.");
            return TypedResults.Json(new Health("unavailable", host, new IndexHealth(false, null, null, "The index cannot be opened; the host's log says why."), model, understanding),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
