namespace QaBot.Core.Documents;

/// <summary>
/// Splits a paragraph into sentences. A sentence ends at . ! ? or … (with any closing quotes or
/// brackets after it) when white space and a capital, digit or opening quote follow, unless the
/// word before the full stop is a known abbreviation or a single initial. Dashes never end one.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "no",
        "fig", "u.s", "u.k", "a.m", "p.m", "inc", "ltd", "jr", "sr", "cf", "al", "mg", "vol", "ca",
    };

    /// <summary>Sentence spans (start, end) within <paramref name="text"/>[from..to).</summary>
    public static IEnumerable<(int Start, int End)> Split(string text, int from, int to)
    {
        var start = SkipSpace(text, from, to);
        for (var i = start; i < to; i++)
        {
            if (!IsTerminator(text[i])) continue;
            var end = i + 1;
            while (end < to && (IsTerminator(text[end]) || IsCloser(text[end]))) end++;
            if (end < to && !char.IsWhiteSpace(text[end])) continue;
            var next = SkipSpace(text, end, to);
            if (next < to && !StartsSentence(text[next])) continue;
            if (text[i] == '.' && IsAbbreviation(text, start, i)) continue;
            yield return (start, end);
            start = next;
            i = next - 1;
        }
        var tail = TrimEnd(text, start, to);
        if (tail > start) yield return (start, tail);
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u2026';

    private static bool IsCloser(char c) => c is ')' or ']' || TextFolding.IsQuoteMark(c);

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '(' or '[' || TextFolding.IsQuoteMark(c);

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && !TextFolding.IsQuoteMark(text[wordStart - 1]) && text[wordStart - 1] != '(')
            wordStart--;
        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word.ToString());
    }

    private static int SkipSpace(string text, int i, int to)
    {
        while (i < to && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int TrimEnd(string text, int from, int to)
    {
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        return to;
    }
}
