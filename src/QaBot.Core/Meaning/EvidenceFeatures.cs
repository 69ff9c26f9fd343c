using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>
/// What the learned ranker and answerability models see of a sentence found for a question: how
/// close its meaning is (the sentence, and its paragraph under its heading), how much of the
/// question's wording it covers (with the synonym file), how Lucene ranked it, how well each of
/// the question's words is matched by some word of the sentence (on average, and the worst-matched
/// word: a specific concern the sentence does not speak to), and how close the question is to
/// example questions this sentence answers, or was near without answering.
/// </summary>
internal static class EvidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
        ["dense", "dense_paragraph", "dense_section", "dense_gap", "lexical", "lucene", "words_mean", "words_min", "words_unmatched", "words_worst", "bank", "bank_vote", "bank_known", "unanswered", "unanswered_known"];

    private const int Dense = 0, DenseGap = 3;

    /// <summary>Features of every candidate of one question; the gaps compare each with the best of them.</summary>
    public static void Fill(QuestionMeaning meaning, IReadOnlyList<(Candidate Candidate, StoredSentence Stored)> found, GenerationVectors vectors, Banks banks, LeftOut leftOut, double[][] into)
    {
        var answered = banks.Answered.Similarities(meaning.Vector);
        var unanswered = banks.Unanswered.Similarities(meaning.Vector);
        var votes = banks.Answered.Votes(answered, leftOut.Answered);
        for (var i = 0; i < found.Count; i++)
        {
            var text = found[i].Candidate.Sentence.Text;
            into[i] =
            [
                .. Of(meaning, found[i].Candidate, found[i].Stored, vectors),
                banks.Answered.Support(answered, text, leftOut.Answered),
                votes.GetValueOrDefault(QuestionBank.Key(text)),
                banks.Answered.Knows(text) ? 1 : 0,
                banks.Unanswered.Support(unanswered, text, leftOut.Unanswered),
                banks.Unanswered.Knows(text) ? 1 : 0,
            ];
        }
        var best = into.Length == 0 ? 0 : into.Max(f => f[Dense]);
        foreach (var f in into) f[DenseGap] = f[Dense] - best;
    }

    /// <summary>The features that need no bank.</summary>
    private static double[] Of(QuestionMeaning meaning, Candidate candidate, StoredSentence stored, GenerationVectors vectors)
    {
        var sentence = candidate.Sentence;
        var own = vectors.Sentence(sentence.File, sentence.Ordinal);
        var paragraph = vectors.Paragraph(sentence.File, sentence.Paragraph);
        var section = vectors.Section(sentence.File, sentence.Section);
        var (mean, min, unmatched, worst) = WordMatch(meaning, stored, vectors);
        return
        [
            own is null ? 0 : Vectors.Dot(meaning.Vector, own),
            paragraph is null ? 0 : Vectors.Dot(meaning.Vector, paragraph),
            section is null ? 0 : Vectors.Dot(meaning.Vector, section),
            0,
            Math.Min(1.5, candidate.Coverage),
            candidate.Lucene,
            mean,
            min,
            unmatched,
            worst,
        ];
    }

    /// <summary>
    /// For each question word, its best match among the sentence's words (1 for the same word):
    /// their mean and minimum; and, weighing each word by how central it is to the question (its
    /// closeness to the whole question), the share of the question left unmatched and the most
    /// central word left unmatched. "day 2" in a story matters less than "pregnancy" in a question.
    /// </summary>
    private static (double Mean, double Min, double Unmatched, double Worst) WordMatch(QuestionMeaning meaning, StoredSentence stored, GenerationVectors vectors)
    {
        if (meaning.Words.Count == 0) return (0, 0, 0, 0);
        var words = stored.Words;
        double sum = 0, min = 1, missing = 0, weight = 0, worst = 0;
        for (var i = 0; i < meaning.Words.Count; i++)
        {
            var best = 0.0;
            foreach (var word in words)
            {
                if (word == meaning.Words[i]) { best = 1; break; }
                if (vectors.Words.TryGetValue(word, out var v)) best = Math.Max(best, Vectors.Dot(meaning.WordVectors[i], v));
            }
            sum += best;
            min = Math.Min(min, best);
            var central = meaning.Centrality[i];
            missing += central * (1 - best);
            weight += central;
            worst = Math.Max(worst, central * (1 - best));
        }
        return (sum / meaning.Words.Count, min, weight > 0 ? missing / weight : 0, worst);
    }
}

/// <summary>
/// The ranker's input: each feature of the sentence itself twice, once for sentences the banks
/// know and once for sentences they do not (documents added after training), so the ranker
/// learns how to weigh meaning and wording when no example speaks for a sentence, instead of one
/// compromise; then the bank features.
/// </summary>
internal static class RankerInput
{
    private static readonly int Own = EvidenceFeatures.Names.ToList().IndexOf("bank");
    private static readonly int Known = EvidenceFeatures.Names.ToList().IndexOf("bank_known");

    public static readonly IReadOnlyList<string> Names =
    [
        .. EvidenceFeatures.Names.Take(Own).Select(n => n + "@known"),
        .. EvidenceFeatures.Names.Take(Own).Select(n => n + "@new"),
        .. EvidenceFeatures.Names.Skip(Own),
    ];

    public static double[] Of(double[] features)
    {
        var known = features[Known];
        var x = new double[Names.Count];
        for (var i = 0; i < Own; i++)
        {
            x[i] = features[i] * known;
            x[Own + i] = features[i] * (1 - known);
        }
        for (var i = Own; i < features.Length; i++) x[Own + i] = features[i];
        return x;
    }
}
