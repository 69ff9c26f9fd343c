using Lucene.Net.Index;
using Lucene.Net.Util;

namespace QaBot.Core.Search;

/// <summary>
/// The corpus's own words with how many sentences use each, read from the index. Corrects a
/// misspelt question word to the closest corpus word, so "kratum" finds "kratom".
/// </summary>
internal sealed class Vocabulary
{
    private const int MinLengthToCorrect = 3;

    /// <summary>Shorter words get one edit; from this length, two (shorter ones two edits apart are often other real words).</summary>
    private const int TwoEditsFrom = 9;

    /// <summary>Below this length only a dropped letter or a swap is mended ("los" → "loss"): any other edit too often makes another real word.</summary>
    private const int AnyEditFrom = 5;
    private readonly Dictionary<string, int> _frequency;
    private readonly ILookup<int, string> _byLength;

    private Vocabulary(Dictionary<string, int> frequency)
    {
        _frequency = frequency;
        _byLength = frequency.Keys.ToLookup(w => w.Length);
    }

    /// <summary>Words known from elsewhere (the synonym file), each counted once.</summary>
    public static Vocabulary Of(IEnumerable<string> words) =>
        new(words.Where(w => w.All(char.IsLetter)).Distinct().ToDictionary(w => w, _ => 1, StringComparer.Ordinal));

    /// <summary>Knows no word.</summary>
    public static Vocabulary None { get; } = Of([]);

    public static Vocabulary From(IndexReader reader)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, Fields.Surface);
        if (terms is not null)
        {
            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                var word = e.Term.Utf8ToString();
                if (word.All(char.IsLetter)) frequency[word] = e.DocFreq;
            }
        }
        return new Vocabulary(frequency);
    }

    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>
    /// The closest known word (here or in <paramref name="also"/>) within one edit, two for long
    /// words, of a word neither knows; or the word itself.
    /// </summary>
    public string Correct(string word, Vocabulary also, int minLength = MinLengthToCorrect)
    {
        if (word.Length < minLength || Contains(word) || also.Contains(word) || !word.All(char.IsLetter))
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

    private (string Word, int Distance)? Nearest(string word, int budget)
    {
        (string Word, int Distance, int Frequency)? best = null;
        for (var length = word.Length - budget; length <= word.Length + budget; length++)
        {
            foreach (var candidate in _byLength[length])
            {
                if (word.Length < AnyEditFrom && candidate.Length < word.Length) continue;
                if (word.Length < AnyEditFrom && candidate.Length == word.Length && !IsSwap(word, candidate)) continue;
                var distance = EditDistance.Within(word, candidate, budget);
                if (distance > budget) continue;
                var frequency = _frequency[candidate];
                if (best is null || distance < best.Value.Distance || (distance == best.Value.Distance && frequency > best.Value.Frequency))
                    best = (candidate, distance, frequency);
            }
        }
        return best is null ? null : (best.Value.Word, best.Value.Distance);
    }

    private static bool IsSwap(string a, string b)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
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
