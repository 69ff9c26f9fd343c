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
        ["rank_share", "rank_margin", "dense_top", "dense_max", "words_min_top", "words_min_max", "words_mean_top", "unmatched_top", "unmatched_min", "worst_top", "worst_min", "lexical_top", "lexical_max", "bank_top", "bank_max", "bank_vote_top", "unanswered_top", "known_top", "known_answered_share", "known_nearest_answered", "known_nearest_unanswered", "quantity_unmet", "unknown_central", "unknown_share"];

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

    /// <summary>How many of the question's nearest examples (answered or not) vote on whether it is answered.</summary>
    private const int Neighbours = 10;

    /// <summary>
    /// From candidates ranked best first, each with its features; all zeros when there are none.
    /// The last three are the question's nearest examples in both banks (the share answered, and
    /// the nearest of each kind), counted only when the best sentence is one the banks know:
    /// examples speak for the documents they were asked of, not for documents added later. The
    /// last says whether a question that asks for an amount or a time got a sentence without one.
    /// </summary>
    public static double[] Of(IReadOnlyList<Candidate> ranked, Answering.ParsedQuestion question, Banks banks, LeftOut leftOut)
    {
        var meaning = question.Meaning!;
        if (ranked.Count == 0 || ranked[0].Features is not { } top) return new double[Names.Count];
        var (answeredShare, answered, unanswered) = Nearest(meaning, banks, leftOut);
        var known = top[Known];
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
            top[Vote], top[Unanswered], known,
            known * answeredShare, known * answered, known * unanswered,
            // "How long / how many / when" asked, and the best sentence holds no amount or time.
            question.Shape.CanAnswer(ranked[0].Sentence.Text) ? 0 : 1,
            .. Unknown(meaning),
        ];
    }

    /// <summary>How central the most central word is that no document and no synonym uses, and the share of the question such words carry.</summary>
    private static double[] Unknown(QuestionMeaning meaning)
    {
        var central = meaning.Centrality;
        var total = central.Sum();
        var unknown = Enumerable.Range(0, central.Length).Where(i => !meaning.Known[i]).Select(i => central[i]).ToList();
        return [unknown.DefaultIfEmpty(0).Max(), total > 0 ? unknown.Sum() / total : 0];
    }

    private static (double Share, double Answered, double Unanswered) Nearest(QuestionMeaning meaning, Banks banks, LeftOut leftOut)
    {
        var a = banks.Answered.Similarities(meaning.Vector);
        var u = banks.Unanswered.Similarities(meaning.Vector);
        var all = a.Select((s, i) => (Similarity: s, Answered: true, Index: i)).Where(x => x.Index != leftOut.Answered)
            .Concat(u.Select((s, i) => (Similarity: s, Answered: false, Index: i)).Where(x => x.Index != leftOut.Unanswered))
            .OrderByDescending(x => x.Similarity).Take(Neighbours).ToList();
        var total = all.Sum(x => Math.Max(0, x.Similarity));
        var share = total > 0 ? all.Where(x => x.Answered).Sum(x => Math.Max(0, x.Similarity)) / total : 0;
        static double Best(float[] similarities, int leftOut) =>
            similarities.Where((_, i) => i != leftOut).Select(x => (double)x).DefaultIfEmpty(0).Max();
        return (share, Best(a, leftOut.Answered), Best(u, leftOut.Unanswered));
    }

    private static int Index(string name)
    {
        for (var i = 0; i < EvidenceFeatures.Names.Count; i++) if (EvidenceFeatures.Names[i] == name) return i;
        throw new InvalidOperationException($"No evidence feature '{name}'.");
    }
}
