using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>
/// What the learned ranker and answerability models see of a sentence found for a question: how
/// close its meaning is (the sentence, and its paragraph under its heading), how much of the
/// question's wording it covers (with the synonym file), how Lucene ranked it, how well each of
/// the question's words is matched by some word of the sentence (on average, and the worst-matched
/// word: a specific concern the sentence does not speak to), and how close the question is to
/// example questions this sentence answers.
/// </summary>
internal static class EvidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
        ["dense", "dense_paragraph", "lexical", "lucene", "words_mean", "words_min", "bank"];

    public static double[] Of(QuestionMeaning meaning, Candidate candidate, StoredSentence stored, GenerationVectors vectors, float[] bankSimilarities, QuestionBank bank, int excludedExample)
    {
        var sentence = candidate.Sentence;
        var own = vectors.Sentence(sentence.File, sentence.Ordinal);
        var paragraph = vectors.Paragraph(sentence.File, sentence.Paragraph);
        var (mean, min) = WordMatch(meaning, stored, vectors);
        return
        [
            own is null ? 0 : Vectors.Dot(meaning.Vector, own),
            paragraph is null ? 0 : Vectors.Dot(meaning.Vector, paragraph),
            Math.Min(1.5, candidate.Coverage),
            candidate.Lucene,
            mean,
            min,
            bank.Support(bankSimilarities, sentence.Text, excludedExample),
        ];
    }

    /// <summary>For each question word, its best match among the sentence's words (1 for the same word); their mean and minimum.</summary>
    private static (double Mean, double Min) WordMatch(QuestionMeaning meaning, StoredSentence stored, GenerationVectors vectors)
    {
        if (meaning.Words.Count == 0) return (0, 0);
        var words = stored.Words;
        double sum = 0, min = 1;
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
        }
        return (sum / meaning.Words.Count, min);
    }
}
