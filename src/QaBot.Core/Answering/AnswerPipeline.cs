using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// Decides what a parsed question gets. With the model: the fitted intent model (and the
/// emergency patterns as a second net) first, then the learned ranking of Lucene's and the
/// vectors' evidence, and the answerability model. Without it: the lexical rules (triage and
/// small-talk patterns, weighted coverage). Both end in the same reply writer.
/// </summary>
internal sealed class AnswerPipeline(AnsweringOptions options, ReplyWriter writer, EmergencyPatterns patterns)
{
    /// <summary>The emergency rules (triage and the patterns file): they need no index, so they also serve when it fails.</summary>
    public bool ReadsAsEmergency(string normalized) => Triage.IsEmergency(normalized) || patterns.Match(normalized);

    private readonly ExtractiveComposer _composer = new(options);

    public (Reply Reply, Evidence? Evidence) Answer(ParsedQuestion question, IndexSnapshot snapshot, Understanding? understanding, int skip) =>
        understanding is null || question.Meaning is null || snapshot.Vectors is null
            ? Lexical(question, snapshot, skip)
            : Learned(question, snapshot, understanding, question.Meaning, skip);

    private (Reply, Evidence?) Learned(ParsedQuestion question, IndexSnapshot snapshot, Understanding understanding, QuestionMeaning meaning, int skip)
    {
        var intent = understanding.ReadIntent(meaning, question.Text);
        var parameters = understanding.Parameters;
        if (intent.Emergency >= parameters.EmergencyThreshold) return (writer.Emergency(), null);
        // Unsure, or caught only by the patterns: the guidance first, the question answered below it.
        var unsure = intent.Emergency >= parameters.EmergencyUnsureThreshold || patterns.Match(question.Text);
        if (!unsure && intent.Label != IntentLabels.Question && intent.Label != IntentLabels.Emergency)
            return (writer.Chitchat(ChitchatKinds.Parse(intent.Label), snapshot.Manifest), null);
        var ranked = understanding.Retriever.Retrieve(question, snapshot, options.Candidates);
        var evidence = understanding.Answerable(ranked, question) >= parameters.AnswerThreshold
            ? _composer.ComposeRanked(snapshot, ranked, parameters.QuoteShare, skip, understanding.Sides(meaning))
            : null;
        if (unsure) return (writer.Emergency(evidence), evidence);
        return evidence is null ? (writer.NotFound(snapshot.Manifest, skip > 0), null) : (writer.Answered(evidence, skip > 0), evidence);
    }

    private (Reply, Evidence?) Lexical(ParsedQuestion question, IndexSnapshot snapshot, int skip)
    {
        if (ReadsAsEmergency(question.Text)) return (writer.Emergency(), null);
        var chitchat = Chitchat.Classify(question.Text);
        if (chitchat != ChitchatKind.None) return (writer.Chitchat(chitchat, snapshot.Manifest), null);
        var ranked = new LexicalRetriever().Retrieve(question, snapshot, options.Candidates);
        var evidence = _composer.Compose(snapshot, question.Shape, question.Concepts, ranked, skip);
        return evidence is null ? (writer.NotFound(snapshot.Manifest, skip > 0), null) : (writer.Answered(evidence, skip > 0), evidence);
    }
}
