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

    public QuestionAnswerer(IndexStore index, IOptions<AnsweringOptions> options, IOptions<SafetyOptions> safety, SynonymSource synonyms)
    {
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
        if (Environment.GetEnvironmentVariable("QABOT_DEBUG") == "2") { Console.Error.WriteLine(string.Join(" | ", concepts.Select(c => $"{c.Label}[{string.Join(",", c.Forms.Select(f => string.Join(" ", f)))}] w={c.Weight:F2}"))); foreach (var r in ranked.Take(5)) Console.Error.WriteLine($"  {r.Coverage:F3} {r.Score:F3} {r.Sentence.Text[..Math.Min(100, r.Sentence.Text.Length)]}"); }
        var evidence = _composer.Compose(snapshot, asked, concepts, ranked, skip);
        return evidence is null ? _writer.NotFound(snapshot.Manifest, skip > 0) : _writer.Answered(evidence, skip > 0);
    }
}
