using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>What a sentence says about the question's subject: that it helps, that it harms, or that it is not linked.</summary>
internal enum Stance { Neutral, Benefit, Harm, Denial }

/// <summary>
/// Reads a sentence's stance toward the question's focus from the cue word nearest to it, so
/// that when the article says both ("not directly linked to hair loss" and "risks, including hair
/// loss") both sides can be quoted.
/// </summary>
internal static class StanceReader
{
    private const int Window = 5;

    public static Stance Read(string sentence, Concept focus)
    {
        var words = Search.Analysis.Words(sentence);
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
            var distance = at.Select(f => kind == Stance.Denial && i > f ? int.MaxValue : Math.Abs(f - i)).Min();
            if (distance <= Window && (distance < bestDistance || (distance == bestDistance && kind == Stance.Denial)))
                (best, bestDistance) = (kind, distance);
        }
        return best;
    }
}
