using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// The answering pipeline: emergency triage first, then small talk, then retrieval and the
/// extractive composer; when a model composer is configured, it may phrase a lead-in and choose
/// among the same passages, and the reply is still assembled and checked here. Every reply ends
/// with the advisory.
/// </summary>
public sealed class QuestionAnswerer : IQuestionAnswerer
{
    private readonly IndexStore _index;
    private readonly AnsweringOptions _options;
    private readonly Synonyms _synonyms;
    private readonly ReplyWriter _writer;
    private readonly ExtractiveComposer _composer;
    private readonly IPassageSearch _search;
    private readonly IDraftComposer? _drafter;
    private readonly ILogger _log;
    private ReplyCache? _cache;

    public QuestionAnswerer(IndexStore index, IOptions<AnsweringOptions> options, IOptions<SafetyOptions> safety, SynonymSource synonyms,
        IPassageSearch search, ILogger<QuestionAnswerer>? log = null, IDraftComposer? drafter = null)
    {
        _log = log ?? NullLogger<QuestionAnswerer>.Instance;
        _index = index;
        _options = options.Value;
        _synonyms = synonyms.Synonyms;
        _writer = new ReplyWriter(safety.Value);
        _composer = new ExtractiveComposer(_options);
        _search = search;
        _drafter = drafter;
    }

    public async Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (reply, evidence, _) = Extract(question, Math.Max(0, skip));
        if (evidence is null || _drafter is null || skip > 0) return reply;
        return await DraftAsync(_drafter, QuestionText.Clean(question, _options.MaxQuestionChars), evidence, reply, cancellationToken);
    }

    private (Reply Reply, Evidence? Evidence, string Asked) Extract(string? question, int skip)
    {
        var text = QuestionText.Normalize(question, _options.MaxQuestionChars);
        if (Triage.IsEmergency(text)) return (_writer.Emergency(), null, text);
        using var snapshot = _index.Acquire();
        var chitchat = Chitchat.Classify(text);
        if (chitchat != ChitchatKind.None) return (_writer.Chitchat(chitchat, snapshot.Manifest), null, text);
        if (_options.ReplyCache == 0) return Find(snapshot, text, skip);
        var cache = _cache;
        if (cache is null || cache.Generation != snapshot) _cache = cache = new ReplyCache(snapshot, new());
        if (cache.Replies.TryGetValue((text, skip), out var found)) return found;
        found = Find(snapshot, text, skip);
        if (cache.Replies.Count >= _options.ReplyCache) cache.Replies.Clear();
        cache.Replies.TryAdd((text, skip), found);
        return found;
    }

    /// <summary>Retrieval and the extractive composer: the same reply for the same question on the same generation.</summary>
    private (Reply Reply, Evidence? Evidence, string Asked) Find(IndexSnapshot snapshot, string text, int skip)
    {
        var asked = QuestionFrame.Strip(Concept.Mend(QuestionFrame.Strip(text), snapshot, _synonyms));
        var shape = QuestionShape.Of(asked);
        var content = QuestionShape.Content(asked);
        var concepts = Concept.Parse(content, snapshot, _synonyms, _options.MaxQueryTerms);
        var ranked = Retriever.Search(snapshot, concepts, QuestionTerms.ContentWords(content), _options.Candidates, shape.AllowsBroader);
        if (_log.IsEnabled(LogLevel.Debug))
            _log.LogDebug("Concepts {Concepts}; best {Best}", string.Join(" | ", concepts.Select(c => $"{c.Label} ({c.Weight:F2})")),
                string.Join(" | ", ranked.Take(3).Select(r => $"{r.Coverage:F2} {r.Sentence.Ordinal}@{r.Sentence.File}")));
        var evidence = _composer.Compose(snapshot, shape, concepts, ranked, skip);
        return evidence is null
            ? (_writer.NotFound(snapshot.Manifest, skip > 0), null, asked)
            : (_writer.Answered(evidence, skip > 0), evidence, asked);
    }

    /// <summary>Replies found on one index generation; a new generation starts an empty cache.</summary>
    private sealed record ReplyCache(IndexSnapshot Generation, ConcurrentDictionary<(string Text, int Skip), (Reply Reply, Evidence? Evidence, string Asked)> Replies);

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
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _log.LogWarning("Falling back to the extractive answer: the model failed ({Kind}: {Reason}).", e.GetType().Name, e.Message);
        }
        return extractive;
    }
}
