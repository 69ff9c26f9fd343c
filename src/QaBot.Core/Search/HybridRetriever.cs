using QaBot.Core.Answering;
using QaBot.Core.Meaning;

namespace QaBot.Core.Search;

/// <summary>
/// Lucene's candidates and the vectors' candidates together, each described by
/// <see cref="EvidenceFeatures"/> and ranked by the fitted ranker: how much each kind of evidence
/// counts is learned from data (<c>qabot train</c>), not assumed. A candidate's score is the
/// ranker's log-odds: differences between candidates are what matter.
/// </summary>
internal sealed class HybridRetriever(LinearModel? ranker, Banks banks) : IRetriever
{
    /// <summary>Label of a sentence that answers the question, in the ranker's labels.</summary>
    public const string Answers = "answers";

    public string Name => "hybrid";

    public IReadOnlyList<Candidate> Retrieve(ParsedQuestion question, IndexSnapshot snapshot, int max)
    {
        var gathered = Gather(question, snapshot, max, banks, LeftOut.None);
        if (ranker is null) return gathered;
        var label = ranker.IndexOf(Answers);
        var ranked = gathered.Select(c => c with { Score = ranker.LogOdds(RankerInput.Of(c.Features!), label) })
            .OrderByDescending(c => c.Score).ToList();
        var best = ranked.Count == 0 ? 0 : ranked[0].Score;
        return ranked.Select(c => c with { Relevance = Math.Exp(c.Score - best) }).ToList();
    }

    /// <summary>
    /// Every candidate either retriever finds, with its features and no ranking: training calls
    /// this with the example being trained on left out of the bank.
    /// </summary>
    public static List<Candidate> Gather(ParsedQuestion question, IndexSnapshot snapshot, int max, Banks banks, LeftOut leftOut)
    {
        var lexical = new LexicalRetriever().Retrieve(question, snapshot, max);
        if (question.Meaning is not { } meaning || snapshot.Vectors is not { } vectors) return lexical.ToList();
        var byKey = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in lexical) byKey[Fields.KeyOf(c.Sentence.File, c.Sentence.Ordinal)] = c;
        foreach (var c in new VectorRetriever().Retrieve(question, snapshot, max))
            byKey.TryAdd(Fields.KeyOf(c.Sentence.File, c.Sentence.Ordinal), c with { Score = 0, Lucene = 0 });
        var found = new List<(Candidate, StoredSentence)>(byKey.Count);
        foreach (var (key, c) in byKey)
            if (Retriever.Stored(snapshot, key) is { } stored) found.Add((c, stored));
        var features = new double[found.Count][];
        EvidenceFeatures.Fill(meaning, found, vectors, banks, leftOut, features);
        return found.Select((f, i) => f.Item1 with { Features = features[i] }).ToList();
    }
}
