namespace QaBot.Core.Search;

/// <summary>A sentence's English terms in order, with a set for quick single-term look-ups.</summary>
internal sealed class TermSequence
{
    /// <summary>How many other terms may stand between the words of a phrase.</summary>
    public const int Slop = 1;

    private readonly string[] _terms;
    private readonly HashSet<string> _set;

    public TermSequence(string stored)
    {
        _terms = stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _set = _terms.ToHashSet(StringComparer.Ordinal);
    }

    public bool HasPhrase(string[] phrase)
    {
        if (phrase.Length == 1) return _set.Contains(phrase[0]);
        if (!phrase.All(_set.Contains)) return false;
        for (var start = 0; start < _terms.Length; start++)
        {
            if (_terms[start] != phrase[0]) continue;
            int at = start, matched = 1;
            for (var next = start + 1; next < _terms.Length && next - at <= Slop + 1 && matched < phrase.Length; next++)
            {
                if (_terms[next] != phrase[matched]) continue;
                at = next;
                matched++;
            }
            if (matched == phrase.Length) return true;
        }
        return false;
    }
}
