using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace QaBot.Core.Search;

/// <summary>
/// Words a question may be spelt against, and the correction of a misspelt word to the closest of
/// them, so "kratum" finds "kratom". A small vocabulary is kept in memory and scanned; a large
/// corpus's words stay in the index and are searched with Lucene's Levenshtein automata, so
/// correcting a word costs about the same on ten documents as on ten thousand.
/// </summary>
internal abstract class Vocabulary
{
    private const int MinLengthToCorrect = 3;

    /// <summary>Shorter words get one edit; from this length, two (shorter ones two edits apart are often other real words).</summary>
    private const int TwoEditsFrom = 9;

    /// <summary>Below this length only a dropped letter or a swap is mended ("los" → "loss"): any other edit too often makes another real word.</summary>
    private const int AnyEditFrom = 5;

    /// <summary>Words known from elsewhere (the synonym file), each counted once.</summary>
    public static Vocabulary Of(IEnumerable<string> words) =>
        new WordList(words.Where(IsWord).Distinct().ToDictionary(w => w, _ => 1, StringComparer.Ordinal));

    /// <summary>Knows no word.</summary>
    public static Vocabulary None { get; } = Of([]);

    /// <summary>
    /// Up to this many words a vocabulary is scanned in memory (the article has about 300); past
    /// it, building Lucene's automaton for a word is cheaper than scanning every word of a length.
    /// </summary>
    private const int InMemoryWords = 20_000;

    /// <summary>The words of the index's un-stemmed field, with how many sentences use each.</summary>
    public static Vocabulary From(IndexReader reader)
    {
        var terms = MultiFields.GetTerms(reader, Fields.Surface);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        if (terms is null) return new WordList(frequency);
        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            if (frequency.Count == InMemoryWords) return new IndexedWords(terms);
            var word = e.Term.Utf8ToString();
            if (IsWord(word)) frequency[word] = e.DocFreq;
        }
        return new WordList(frequency);
    }

    public abstract bool Contains(string word);

    /// <summary>The known word nearest to <paramref name="word"/> within <paramref name="budget"/> edits, most used first among equals.</summary>
    protected abstract (string Word, int Distance, int Frequency)? Nearest(string word, int budget);

    /// <summary>
    /// The closest known word (here or in <paramref name="also"/>) within one edit, two for long
    /// words, of a word neither knows; or the word itself.
    /// </summary>
    public string Correct(string word, Vocabulary also, int minLength = MinLengthToCorrect)
    {
        if (word.Length < minLength || !IsWord(word) || Contains(word) || also.Contains(word))
            return word;
        var budget = word.Length >= TwoEditsFrom ? 2 : 1;
        var best = Nearest(word, budget);
        var other = also.Nearest(word, budget);
        return (best, other) switch
        {
            (null, null) => word,
            (null, _) => other.Value.Word,
            (_, null) => best.Value.Word,
            _ => other.Value.Distance < best.Value.Distance ? other.Value.Word : best.Value.Word,
        };
    }

    private static bool IsWord(string word) => word.Length > 0 && word.All(char.IsLetter);

    /// <summary>Keeps the better of two candidates: fewer edits, then more use.</summary>
    private static (string Word, int Distance, int Frequency)? Better(string word, string candidate, int frequency, int budget, (string Word, int Distance, int Frequency)? best)
    {
        if (!IsWord(candidate)) return best;
        if (word.Length < AnyEditFrom && candidate.Length < word.Length) return best;
        if (word.Length < AnyEditFrom && candidate.Length == word.Length && !IsSwap(word, candidate)) return best;
        var distance = EditDistance.Within(word, candidate, budget);
        if (distance > budget) return best;
        return best is null || distance < best.Value.Distance || (distance == best.Value.Distance && frequency > best.Value.Frequency)
            ? (candidate, distance, frequency) : best;
    }

    private static bool IsSwap(string a, string b)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }

    /// <summary>A small list in memory, scanned by length.</summary>
    private sealed class WordList(Dictionary<string, int> frequency) : Vocabulary
    {
        private readonly ILookup<int, string> _byLength = frequency.Keys.ToLookup(w => w.Length);

        public override bool Contains(string word) => frequency.ContainsKey(word);

        protected override (string Word, int Distance, int Frequency)? Nearest(string word, int budget)
        {
            (string Word, int Distance, int Frequency)? best = null;
            for (var length = word.Length - budget; length <= word.Length + budget; length++)
                foreach (var candidate in _byLength[length])
                    best = Better(word, candidate, frequency[candidate], budget, best);
            return best;
        }
    }

    /// <summary>The index's terms: looked up in its term dictionary, never copied out of it.</summary>
    private sealed class IndexedWords(Terms terms) : Vocabulary
    {
        public override bool Contains(string word) => terms.GetEnumerator().SeekExact(new BytesRef(word));

        protected override (string Word, int Distance, int Frequency)? Nearest(string word, int budget)
        {
            (string Word, int Distance, int Frequency)? best = null;
            var near = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(Fields.Surface, word), budget, 0, transpositions: true);
            while (near.MoveNext())
                best = Better(word, near.Term.Utf8ToString(), near.DocFreq, budget, best);
            return best;
        }
    }
}

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
internal static class EditDistance
{
    private const int StackRows = 128;

    /// <summary>The distance, or budget + 1 as soon as it must exceed the budget.</summary>
    public static int Within(string a, string b, int budget)
    {
        if (Math.Abs(a.Length - b.Length) > budget) return budget + 1;
        // Called for every vocabulary word of a near length: three rows on the stack, not the heap.
        var width = b.Length + 1;
        var rows = width <= StackRows ? stackalloc int[3 * width] : new int[3 * width];
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var row = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            var rowMin = row[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, prev2[j - 2] + 1);
                row[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > budget) return budget + 1;
            var spare = prev2;
            prev2 = prev;
            prev = row;
            row = spare;
        }
        return prev[b.Length];
    }
}
