using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// The one entry point: reads the question once, lets the <see cref="AnswerPipeline"/> decide
/// (with the embedding model and fitted models when they are in use, else lexically), and, when
/// a chat model is configured, lets it phrase a lead-in and choose among the same passages; the
/// reply is still assembled and checked here. Every reply ends with the advisory.
/// </summary>
public sealed class QuestionAnswerer : IQuestionAnswerer
{
    private readonly IndexStore _index;
    private readonly AnsweringOptions _options;
    private readonly SynonymSource _synonyms;
    private readonly ReplyWriter _writer;
    private readonly AnswerPipeline _pipeline;
    private readonly UnderstandingSource _understanding;
    private readonly IPassageSearch _search;
    private readonly IDraftComposer? _drafter;
    private readonly ILogger _log;
    private readonly AnswerTelemetry _telemetry;
    private ReplyCache? _cache;

    public QuestionAnswerer(IndexStore index, IOptions<AnsweringOptions> options, IOptions<SafetyOptions> safety, SynonymSource synonyms,
        IPassageSearch search, UnderstandingSource understanding, EmergencyPatternSource patterns,
        ILogger<QuestionAnswerer>? log = null, IDraftComposer? drafter = null, AnswerTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? new AnswerTelemetry();
        _log = log ?? NullLogger<QuestionAnswerer>.Instance;
        _index = index;
        _options = options.Value;
        _synonyms = synonyms;
        _writer = new ReplyWriter(safety.Value);
        _pipeline = new AnswerPipeline(_options, _writer, patterns.Patterns);
        _understanding = understanding;
        _search = search;
        _drafter = drafter;
    }

    public async Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        skip = Math.Max(0, skip);
        var started = Stopwatch.GetTimestamp();
        using var activity = AnswerTelemetry.Start(skip);
        var (reply, evidence, original, cached) = await ExtractAsync(question, skip, cancellationToken);
        if (evidence is not null && _drafter is not null && skip == 0 && reply.Status == ReplyStatus.Answered)
            reply = await DraftAsync(_drafter, original, evidence, reply, cancellationToken);
        _telemetry.Replied(activity, reply, Stopwatch.GetElapsedTime(started), cached, skip);
        return reply;
    }

    /// <summary>
    /// The answer from the index. When the index cannot be opened or a search fails reading it, the
    /// reply is a polite one (emergency guidance when the question reads as one), never an error,
    /// and the store is told, so the next question finds the generation verified or rebuilt.
    /// </summary>
    private async Task<(Reply Reply, Evidence? Evidence, string Original, bool Cached)> ExtractAsync(string? question, int skip, CancellationToken cancellationToken)
    {
        IndexSnapshot? snapshot = null;
        try
        {
            snapshot = _index.Acquire();
            return await ExtractAsync(snapshot, question, skip, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            _log.LogError(e, "The index could not be searched ({Kind}); replying without it.", e.GetType().Name);
            if (snapshot is not null) _index.ReportFault(snapshot, e);
            var reply = _pipeline.ReadsAsEmergency(QuestionText.Normalize(question, _options.MaxQuestionChars)) ? _writer.Emergency() : _writer.Unavailable();
            return (reply, null, question ?? "", false);
        }
        finally
        {
            snapshot?.Dispose();
        }
    }

    private async Task<(Reply Reply, Evidence? Evidence, string Original, bool Cached)> ExtractAsync(IndexSnapshot snapshot, string? question, int skip, CancellationToken cancellationToken)
    {
        var understanding = _understanding.Understanding;
        var key = QuestionText.Normalize(question, _options.MaxQuestionChars);
        var cache = _options.ReplyCache == 0 ? null : _cache;
        var synonyms = _synonyms.Synonyms;
        if (_options.ReplyCache > 0 && (cache is null || cache.Generation != snapshot || cache.Synonyms != synonyms))
            _cache = cache = new ReplyCache(snapshot, synonyms, new());
        if (cache is not null && cache.Replies.TryGetValue((key, skip), out var found))
        {
            _telemetry.CacheHit();
            return (found.Reply, found.Evidence, found.Original, true);
        }

        var parsed = await QuestionReader.ReadAsync(question, snapshot, synonyms, _options, understanding is null ? null : _understanding.Embedder, cancellationToken);
        var (reply, evidence) = _pipeline.Answer(parsed, snapshot, understanding, skip);
        found = (reply, evidence, parsed.Original);
        if (cache is not null)
        {
            if (cache.Replies.Count >= _options.ReplyCache) cache.Replies.Clear();
            cache.Replies.TryAdd((key, skip), found);
        }
        return (reply, evidence, parsed.Original, false);
    }

    /// <summary>Replies found on one index generation with one synonym file; a new one of either starts an empty cache.</summary>
    private sealed record ReplyCache(IndexSnapshot Generation, Synonyms Synonyms, ConcurrentDictionary<(string Text, int Skip), (Reply Reply, Evidence? Evidence, string Original)> Replies);

    /// <summary>The model's draft, verified; the extractive reply when it cannot be trusted or the model fails.</summary>
    private async Task<Reply> DraftAsync(IDraftComposer drafter, string question, Evidence evidence, Reply extractive, CancellationToken cancellationToken)
    {
        try
        {
            var draft = await drafter.DraftAsync(question, evidence.Passages, cancellationToken);
            var known = evidence.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var (quotes, refusal) = DraftVerifier.Verify(draft, id => known.GetValueOrDefault(id) ?? _search.Find(id), _options.MaxQuotes, evidence.Sides);
            if (quotes is not null)
            {
                var lead = string.IsNullOrWhiteSpace(draft.LeadIn) ? "Here is what the article says:" : draft.LeadIn.Trim();
                return _writer.Quoted(lead, quotes, drafter.Name);
            }
            _log.LogWarning("Falling back to the extractive answer: the model's draft was refused because {Reason}.", refusal);
            _telemetry.Fallback("refused");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _log.LogWarning("Falling back to the extractive answer: the model failed ({Kind}: {Reason}).", e.GetType().Name, e.Message);
            _telemetry.Fallback("failed");
        }
        return extractive;
    }
}
