using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>What a sentence says about the question's subject: that it helps, that it harms, or that it is not linked.</summary>
internal enum Stance { Neutral, Benefit, Harm, Denial }

/// <summary>
/// Reads a sentence's stance toward the question's focus from the cue word nearest to it, so
/// that when the article says both ("not directly linked to hair loss" and "risks, including hair
/// loss") both sides can be quoted.
/// </summary>
internal static partial class StanceReader
{
    private const int Window = 5;

    /// <summary>Items of an enumeration are at most this many words ("gastrointestinal issues").</summary>
    private const int ListItemWords = 3;

    public static Stance Read(string sentence, Concept focus)
    {
        var (words, position) = Positions(sentence);
        var stems = words.Select(w => Search.Analysis.Stems(w).FirstOrDefault() ?? "").ToList();
        var focusTerms = focus.Forms.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        var at = Enumerable.Range(0, stems.Count).Where(i => focusTerms.Contains(stems[i])).ToList();
        if (at.Count == 0) return Stance.Neutral;
        var best = Stance.Neutral;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < stems.Count; i++)
        {
            if (focusTerms.Contains(stems[i])) continue;
            var kind = Cues.Negation.Contains(words[i]) ? Stance.Denial
                : Cues.Harm.Contains(stems[i]) ? Stance.Harm
                : Cues.Benefit.Contains(stems[i]) ? Stance.Benefit : Stance.Neutral;
            if (kind == Stance.Neutral) continue;
            // A negation counts only before the subject it denies ("not linked to hair loss").
            var distance = at.Select(f => kind == Stance.Denial && i > f ? int.MaxValue : Math.Abs(position[f] - position[i])).Min();
            if (distance <= Window && (distance < bestDistance || (distance == bestDistance && kind == Stance.Denial)))
                (best, bestDistance) = (kind, distance);
        }
        return best;
    }

    /// <summary>
    /// The sentence's lower-cased words, each with a position in which the items of an
    /// enumeration ("cravings, irritability, and insomnia") share one place: a cue governs the
    /// whole list, however long it is.
    /// </summary>
    private static (List<string> Words, int[] Position) Positions(string sentence)
    {
        var segments = ListSplit().Split(sentence.ToLowerInvariant())
            .Select(part => Word().Matches(part).Select(m => m.Value).ToList()).ToList();
        var words = new List<string>();
        var position = new List<int>();
        var next = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            // A short segment after a comma is a list item: it shares the place of the word before the comma.
            var inList = s > 0 && segments[s].Count is > 0 and <= ListItemWords && position.Count > 0;
            foreach (var word in segments[s])
            {
                words.Add(word);
                position.Add(inList ? position[^1] : next++);
            }
        }
        return (words, position.ToArray());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@",")]
    private static partial System.Text.RegularExpressions.Regex ListSplit();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial System.Text.RegularExpressions.Regex Word();
}
