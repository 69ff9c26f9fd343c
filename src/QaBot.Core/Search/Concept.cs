using Lucene.Net.Index;

namespace QaBot.Core.Search;

/// <summary>
/// One meaningful part of a question: the question's own terms first, then what its synonyms
/// map to, with a weight that is high for rare or unknown words and low for words every
/// sentence uses (such as the document's topic).
/// </summary>
internal sealed record Concept(string Label, IReadOnlyList<string[]> Forms, IReadOnlyList<double> Credits, double Weight, double Share, bool IsLight)
{
    /// <summary>
    /// Light words ("give", "poor", "cause") shape a question more than they name its subject:
    /// "can kratom cause insomnia?" is about insomnia.
    /// </summary>
    private const double CueWeight = 0.35;

    /// <summary>A light word weighs at most this much before <see cref="CueWeight"/>, however rare.</summary>
    private const double LightCeiling = 1.5;

    private const int MaxFormsPerConcept = 12;

    /// <summary>The question's words with their misspellings mended, as one lower-cased line.</summary>
    public static string Mend(string question, IndexSnapshot snapshot, Synonyms synonyms) =>
        string.Join(' ', Analysis.Words(question).Select(w => snapshot.Mended(w, word => Mend(word, snapshot.Vocabulary, synonyms.Vocabulary))));

    /// <summary>The concepts of a (mended) question, bounded in number.</summary>
    public static List<Concept> Parse(string question, IndexSnapshot snapshot, Synonyms synonyms, int maxConcepts)
    {
        var words = Analysis.Words(question);
        var stems = QuestionTerms.ContentStems(string.Join(' ', words));
        var light = QuestionTerms.LightStems(words);
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count && concepts.Count < maxConcepts;)
        {
            for (var length = Math.Min(synonyms.LongestKey, stems.Count - i); length >= 1; length--)
            {
                var key = string.Join(' ', stems.Skip(i).Take(length));
                var mapped = synonyms.Lookup(key);
                if (mapped is null && length > 1) continue;
                // Two question words from one synonym line ("depression or mood") make one concept.
                var line = mapped is { Count: > 0 } ? "=" + string.Join('|', mapped.Keys.Append(key).Order(StringComparer.Ordinal)) : null;
                if (seen.Add(key) && (line is null || seen.Add(line)))
                {
                    // Wordings the corpus uses come first: the others can match nothing.
                    var alternatives = new[] { KeyValuePair.Create(key, 1.0) }
                        .Concat((mapped ?? new Dictionary<string, double>())
                            .OrderByDescending(m => m.Key.Split(' ').All(t => snapshot.DocFreq(t) > 0))
                            .ThenByDescending(m => m.Value))
                        .Take(MaxFormsPerConcept).ToList();
                    var forms = alternatives.Select(f => f.Key.Split(' ')).ToList();
                    var (idf, share) = Idf(snapshot, forms);
                    var isLight = forms[0].All(light.Contains);
                    var weight = isLight ? CueWeight * Math.Min(idf, LightCeiling) : idf;
                    concepts.Add(new Concept(key, forms, alternatives.Select(f => f.Value).ToList(), weight, share, isLight));
                }
                i += length;
                break;
            }
        }
        return concepts;
    }

    /// <summary>
    /// A word as the corpus or the synonym file spells it, or, failing both, the question word it
    /// misspells ("wat" → "what"); a word none of them knows stays as it is, and so does a real
    /// English word of four letters or more ("plane" is not "plant").
    /// </summary>
    private static string Mend(string word, Vocabulary corpus, Vocabulary synonyms)
    {
        if (QuestionTerms.IsGeneric(word) || (word.Length > 3 && EnglishWords.Contains(word))) return word;
        var corrected = corpus.Correct(word, synonyms);
        return corrected != word ? corrected : QuestionTerms.GenericVocabulary.Correct(word, Vocabulary.None, minLength: 2);
    }

    /// <summary>
    /// BM25's idf of the concept's most common form (a concept is as specific as its most general
    /// wording), and the share of sentences that use it.
    /// </summary>
    private static (double Idf, double Share) Idf(IndexSnapshot snapshot, IEnumerable<string[]> forms)
    {
        var n = snapshot.SentenceCount;
        var df = forms.Max(f => f.Min(snapshot.DocFreq));
        return (Math.Log(1 + (n - df + 0.5) / (df + 0.5)), (double)df / n);
    }

    /// <summary>
    /// The credit of the best wording a sentence's terms hold: 1 for the question's own, less for
    /// a synonym, else 0. A wording of several words must stand as a phrase (one other word may
    /// come between), so "medical professional" is not found in "medications ... professional".
    /// </summary>
    public double MatchIn(TermSequence terms)
    {
        for (var i = 0; i < Forms.Count; i++)
            if (terms.HasPhrase(Forms[i])) return Credits[i];
        return 0.0;
    }
}
