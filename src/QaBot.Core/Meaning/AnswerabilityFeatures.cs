using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>
/// What the answerability model sees of a question's ranked evidence: how sure the ranker is of
/// the best sentence and the next, how close in meaning the best ones are, and whether some
/// sentence matches every word of the question (a specific concern no sentence speaks to is the
/// usual reason the documents do not answer).
/// </summary>
internal static class AnswerabilityFeatures
{
    public static readonly IReadOnlyList<string> Names =
        ["rank_share", "rank_margin", "dense_top", "dense_max", "words_min_top", "words_min_max", "words_mean_top", "unmatched_top", "unmatched_min", "worst_top", "worst_min", "lexical_top", "lexical_max", "bank_top", "bank_max", "bank_vote_top", "unanswered_top", "known_top"];

    private static readonly int Dense = Index("dense");
    private static readonly int WordsMin = Index("words_min");
    private static readonly int WordsMean = Index("words_mean");
    private static readonly int Unmatched = Index("words_unmatched");
    private static readonly int Worst = Index("words_worst");
    private static readonly int Lexical = Index("lexical");
    private static readonly int Bank = Index("bank");
    private static readonly int Vote = Index("bank_vote");
    private static readonly int Unanswered = Index("unanswered");
    private static readonly int Known = Index("bank_known");

    /// <summary>From candidates ranked best first, each with its features; all zeros when there are none.</summary>
    public static double[] Of(IReadOnlyList<Candidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Features is not { } top) return new double[Names.Count];
        double Max(int feature) => ranked.Max(c => c.Features![feature]);
        double Min(int feature) => ranked.Min(c => c.Features![feature]);
        // The ranker's scores are log-odds: the best one's share of the probability over these candidates, and its lead over the next.
        var logits = ranked.Select(c => c.Score).ToArray();
        var max = logits[0];
        var share = 1 / logits.Sum(l => Math.Exp(l - max));
        return
        [
            share,
            logits.Length > 1 ? Math.Min(10, logits[0] - logits[1]) : 10,
            top[Dense], Max(Dense),
            top[WordsMin], Max(WordsMin),
            top[WordsMean],
            top[Unmatched], Min(Unmatched),
            top[Worst], Min(Worst),
            top[Lexical], Max(Lexical),
            top[Bank], Max(Bank),
            top[Vote], top[Unanswered], top[Known],
        ];
    }

    private static int Index(string name)
    {
        for (var i = 0; i < EvidenceFeatures.Names.Count; i++) if (EvidenceFeatures.Names[i] == name) return i;
        throw new InvalidOperationException($"No evidence feature '{name}'.");
    }
}
