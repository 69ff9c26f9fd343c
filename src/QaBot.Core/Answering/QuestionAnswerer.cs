using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// The answering pipeline: emergency triage first, then chitchat, then retrieval and the
/// extractive composer. Every reply ends with the advisory.
/// </summary>
public sealed class QuestionAnswerer : IQuestionAnswerer
{
    private readonly IndexStore _index;
    private readonly AnsweringOptions _options;
    private readonly Synonyms _synonyms;
    private readonly ReplyWriter _writer;
    private readonly ExtractiveComposer _composer;
    private readonly ILogger _log;

    public QuestionAnswerer(IndexStore index, IOptions<AnsweringOptions> options, IOptions<SafetyOptions> safety, SynonymSource synonyms,
        ILogger<QuestionAnswerer>? log = null)
    {
        _log = log ?? NullLogger<QuestionAnswerer>.Instance;
        _index = index;
        _options = options.Value;
        _synonyms = synonyms.Synonyms;
        _writer = new ReplyWriter(safety.Value);
        _composer = new ExtractiveComposer(_options);
    }

    public Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Answer(question, Math.Max(0, skip)));
    }

    private Reply Answer(string? question, int skip)
    {
        var text = QuestionText.Normalize(question, _options.MaxQuestionChars);
        if (Triage.IsEmergency(text)) return _writer.Emergency();
        using var snapshot = _index.Acquire();
        var chitchat = Chitchat.Classify(text);
        if (chitchat != ChitchatKind.None) return _writer.Chitchat(chitchat, snapshot.Manifest);
        var asked = QuestionFrame.Strip(text);
        var concepts = Concept.Parse(QuestionShape.Content(asked), snapshot, _synonyms, _options.MaxQueryTerms);
        var ranked = Retriever.Search(snapshot, concepts, _options.Candidates);
        if (_log.IsEnabled(LogLevel.Debug))
            _log.LogDebug("Concepts {Concepts}; best {Best}", string.Join(" | ", concepts.Select(c => $"{c.Label} ({c.Weight:F2})")),
                string.Join(" | ", ranked.Take(3).Select(r => $"{r.Coverage:F2} {r.Sentence.Ordinal}@{r.Sentence.File}")));
        var evidence = _composer.Compose(snapshot, asked, concepts, ranked, skip);
        return evidence is null ? _writer.NotFound(snapshot.Manifest, skip > 0) : _writer.Answered(evidence, skip > 0);
    }
}
