namespace QaBot.Core.Search;

/// <summary>
/// Words that say which way a sentence leans on its subject: it helps, it harms, or it is not
/// linked. Used to weigh questions ("can X cause Y?" is about Y) and to find both sides.
/// </summary>
internal static class Cues
{
    public static readonly HashSet<string> Benefit = Stems("alleviate reduce reducing relief relieve relieving help helping aid aids support mitigate mitigating ease easing benefit benefits improve promising calm healthier solution gentler therapeutic");

    public static readonly HashSet<string> Harm = Stems("risk risks adverse danger dangerous cause causes harm harmful caution contribute");

    /// <summary>Surface words that deny what follows them.</summary>
    public static readonly HashSet<string> Negation = new(StringComparer.Ordinal) { "not", "no", "never", "isn't", "doesn't", "aren't", "don't", "cannot", "can't", "won't", "nor" };

    /// <summary>True for terms that are all stance words.</summary>
    public static bool IsCue(IEnumerable<string> terms) => terms.All(t => Benefit.Contains(t) || Harm.Contains(t));

    private static HashSet<string> Stems(string words) => Analysis.Stems(words).ToHashSet(StringComparer.Ordinal);
}
