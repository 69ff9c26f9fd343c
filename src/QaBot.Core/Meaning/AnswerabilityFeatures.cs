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
        ["rank_top", "rank_second", "dense_top", "dense_max", "words_min_top", "words_min_max", "words_mean_top", "lexical_top", "lexical_max", "bank_top", "bank_max"];

    private static readonly int Dense = Index("dense");
    private static readonly int WordsMin = Index("words_min");
    private static readonly int WordsMean = Index("words_mean");
    private static readonly int Lexical = Index("lexical");
    private static readonly int Bank = Index("bank");

    /// <summary>From candidates ranked best first, each with its features; all zeros when there are none.</summary>
    public static double[] Of(IReadOnlyList<Candidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Features is not { } top) return new double[Names.Count];
        double Max(int feature) => ranked.Max(c => c.Features![feature]);
        return
        [
            ranked[0].Score,
            ranked.Count > 1 ? ranked[1].Score : 0,
            top[Dense], Max(Dense),
            top[WordsMin], Max(WordsMin),
            top[WordsMean],
            top[Lexical], Max(Lexical),
            top[Bank], Max(Bank),
        ];
    }

    private static int Index(string name)
    {
        for (var i = 0; i < EvidenceFeatures.Names.Count; i++) if (EvidenceFeatures.Names[i] == name) return i;
        throw new InvalidOperationException($"No evidence feature '{name}'.");
    }
}
