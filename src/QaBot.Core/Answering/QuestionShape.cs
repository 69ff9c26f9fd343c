using System.Text.RegularExpressions;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// What kind of answer a question's wording asks for, and, for lexical answering, a small bonus for
/// sentences shaped like one: "what is X?" wants a sentence that defines X, "how does..." a
/// mechanism, "what/which ...s" a list, "why" a cause, "where" an origin; "how long / how many /
/// when" wants an amount or a time (the learned answerability model reads that too).
/// </summary>
internal sealed partial record QuestionShape(bool Definition, bool How, bool List, bool Why, bool Quantity, bool Where)
{
    // Small against coverage (0 to 1): a shape only decides between passages that cover the question alike.
    private const double SubjectBonus = 0.1;
    private const double DefinitionBonus = 0.05;
    private const double ShapeBonus = 0.08;

    [GeneratedRegex(@"^(what|who)(\s+(exactly|actually|really|basically))?('s| is| are| was| were)\s+(a |an |the )?[\w\-' ]{1,40}\??$|^(what|who)\s+([\w\-']+\s+){1,3}(is|are)\??$")]
    private static partial Regex DefinitionQuestion();

    [GeneratedRegex(@"^how\s+(does|do|did|can|could|is|are|might|would|will)\b")]
    private static partial Regex HowQuestion();

    [GeneratedRegex(@"^(what|which)\s+(are\b|(?!is\b|was\b|does\b|has\b|this\b)(\w+\s+)?\w{2,}s\b)|^what\s+(kind|kinds|sort|types?)\s+of\b|^(list|name)\b")]
    private static partial Regex ListQuestion();

    [GeneratedRegex(@"\bwhy\b|\bwhat causes\b|\bwhat('s| is) the reason\b|\bhow come\b")]
    private static partial Regex WhyQuestion();

    [GeneratedRegex(@"^how (long|much|many|often|soon|old|frequently)\b|^when (do|does|did|should|will|can|is|are|would)\b|^(what|which) (amount|quantity|age|percentage|number)\b")]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"^where\b")]
    private static partial Regex WhereQuestion();

    [GeneratedRegex(@"^how (long|much|many|often|soon|old|frequently)\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"\b(derived from|comes? from|native to|grows? in|found in|from the)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OriginCue();

    [GeneratedRegex(@"\d|\b(once|twice|dozens?|hundreds?|thousands?|millions?|hours?|days?|weeks?|months?|years?|decades?|centuries|minutes?|mg|milligrams?|grams?|percent|daily|weekly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityCue();

    [GeneratedRegex(@"\b(derived from|is an?|are an?|refers to|known as|emerged as|is the|comes from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionCue();

    [GeneratedRegex(@"\bby \w+ing\b|\bthrough\b|\binteract\w*\b|\bvia\b|\bworks by\b", RegexOptions.IgnoreCase)]
    private static partial Regex MechanismCue();

    [GeneratedRegex(@"\b(such as|including|like)\b|\w+, \w+,? (and|or) \w+", RegexOptions.IgnoreCase)]
    private static partial Regex Enumeration();

    [GeneratedRegex(@"\b(because|due to|caus\w*|contribut\w*|lead to|leads to|result\w*|if|associated with)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CauseCue();

    public static QuestionShape Of(string normalized) => new(
        DefinitionQuestion().IsMatch(normalized),
        HowQuestion().IsMatch(normalized),
        ListQuestion().IsMatch(normalized),
        WhyQuestion().IsMatch(normalized),
        QuantityQuestion().IsMatch(normalized),
        WhereQuestion().IsMatch(normalized));

    /// <summary>The question without the words that only give its shape: "how long" asks for a time, not about length.</summary>
    public static string Content(string normalized) => HowMuch().Replace(normalized, "how", 1);

    /// <summary>
    /// Whether the sentence can answer at all: "how long", "how much" or "when" needs an amount
    /// or a time in the answer, and a sentence with none does not answer it however much it shares.
    /// </summary>
    public bool CanAnswer(string sentence) => !Quantity || QuantityCue().IsMatch(sentence);

    /// <summary>The bonus a sentence earns for having the shape of the answer asked for.</summary>
    public double Bonus(string sentence, Concept? focus)
    {
        var bonus = 0.0;
        if (Definition && focus is not null && StartsWith(sentence, focus))
            bonus += SubjectBonus + (DefinitionCue().IsMatch(sentence) ? DefinitionBonus : 0);
        if (How && MechanismCue().IsMatch(sentence)) bonus += ShapeBonus;
        if (List && Enumeration().IsMatch(sentence)) bonus += ShapeBonus;
        if (Why && (CauseCue().IsMatch(sentence) || MechanismCue().IsMatch(sentence))) bonus += ShapeBonus;
        if (Where && OriginCue().IsMatch(sentence)) bonus += ShapeBonus;
        return bonus;
    }

    private static bool StartsWith(string sentence, Concept focus)
    {
        var first = Analysis.Stems(string.Join(' ', Analysis.Words(sentence).Take(3))).FirstOrDefault();
        return first is not null && focus.Forms.Any(f => f[0] == first);
    }
}
