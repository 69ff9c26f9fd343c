using Lucene.Net.Index;

namespace QaBot.Core.Search;

/// <summary>
/// One meaningful part of a question: the question's own terms first, then what its synonyms
/// map to, with a weight that is high for rare or unknown words and low for words every
/// sentence uses (such as the document's topic).
/// </summary>
internal sealed record Concept(string Label, IReadOnlyList<string[]> Forms, double Weight)
{
    private const int MaxFormsPerConcept = 8;

    /// <summary>The concepts of a question, spelling corrected against the corpus and bounded in number.</summary>
    public static List<Concept> Parse(string question, IndexSnapshot snapshot, Synonyms synonyms, int maxConcepts)
    {
        var words = Analysis.Words(question)
            .Select(w => QuestionTerms.IsGeneric(w) ? w : snapshot.Vocabulary.Correct(w, synonyms.Words.Contains));
        var stems = QuestionTerms.ContentStems(string.Join(' ', words));
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count && concepts.Count < maxConcepts;)
        {
            for (var length = Math.Min(synonyms.LongestKey, stems.Count - i); length >= 1; length--)
            {
                var key = string.Join(' ', stems.Skip(i).Take(length));
                var mapped = synonyms.Lookup(key);
                if (mapped is null && length > 1) continue;
                if (seen.Add(key))
                {
                    var forms = new[] { key }.Concat(mapped ?? Enumerable.Empty<string>()).Take(MaxFormsPerConcept)
                        .Select(f => f.Split(' ')).ToList();
                    concepts.Add(new Concept(key, forms, Idf(snapshot.Reader, forms)));
                }
                i += length;
                break;
            }
        }
        return concepts;
    }

    /// <summary>BM25's idf of the concept's most common form: a concept is as specific as its most general wording.</summary>
    private static double Idf(IndexReader reader, IEnumerable<string[]> forms)
    {
        var n = Math.Max(reader.NumDocs, 1);
        var df = forms.Max(f => f.Min(t => reader.DocFreq(new Term(Fields.Text, t))));
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /// <summary>1 when the terms hold the question's own wording, 0.9 for a synonym, else 0.</summary>
    public double MatchIn(IReadOnlySet<string> terms)
    {
        if (Forms[0].All(terms.Contains)) return 1.0;
        for (var i = 1; i < Forms.Count; i++)
            if (Forms[i].All(terms.Contains)) return 0.9;
        return 0.0;
    }
}
