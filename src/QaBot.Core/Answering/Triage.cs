using System.Text.RegularExpressions;

namespace QaBot.Core.Answering;

/// <summary>
/// Recognises, before any retrieval, a person describing an emergency: intent to harm oneself,
/// or an overdose or its acute signs happening to someone real (the writer, a friend, "someone").
/// A general question ("can you overdose on kratom?") is not an emergency and goes to retrieval.
/// </summary>
internal static partial class Triage
{
    /// <summary>Words that put a real person in the situation.</summary>
    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|i'd|me|my|we|we're|our|us|he|she|he's|she's|they're|him|her|someone|somebody|friend|son|daughter|brother|sister|mom|mum|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|child|kid|baby|roommate|cousin|uncle|aunt)\b")]
    private static partial Regex Person();

    /// <summary>Intent to die or to harm oneself: an emergency however it is phrased.</summary>
    [GeneratedRegex(@"\b(kill(ing)?|hurt(ing)?|harm(ing)?|cut(ting)?|shoot(ing)?|hang(ing)?|poison(ing)?)\s+(my ?self|myself)\b|\bend(ing)?\s+(my|his|her|their)\s+(own\s+)?life\b|\bend(ing)? it all\b|\btak(e|ing)\s+my\s+(own\s+)?life\b|\b(want|wanna|going|plan(ning)?|ready)\s+to\s+die\b|\bdon'?t\s+want\s+to\s+(live|be alive|wake up|be here)\b|\bbetter off dead\b|\bno reason to live\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\bsuicid(e|al)\b|\bself[- ]harm")]
    private static partial Regex Suicide();

    /// <summary>Acute signs that need help now, whoever asks.</summary>
    [GeneratedRegex(@"\b(not|isn'?t|is not|stopped|stop|can'?t|cannot|barely|hardly|trouble|struggling to|difficulty)\s+(breath(e|ing)?)\b|\bunresponsive\b|\bunconscious\b|\bwon'?t wake( up)?\b|\bcan'?t wake\b|\bpassed out\b|\bblue lips\b|\blips?\b[\w' ]{0,20}\bblue\b|\bturning blue\b|\b(i'?m|i am|is|he's|she's|they're|are) dying\b|\bseizure|\bseizing\b|\bconvuls|\bchest pains?\b|\bcollapsed\b")]
    private static partial Regex AcuteSign();

    [GeneratedRegex(@"\boverdos(e|ed|ing)\b|\bod'?(d|ed|ing)\b|\b(took|taken|take|taking|had|swallowed)\s+(way\s+)?too\s+(much|many)\b|\btoo many pills\b")]
    private static partial Regex Overdose();

    /// <summary>"What happens if ...", "can you ...": asking about a situation, not being in one.</summary>
    [GeneratedRegex(@"^(what|can|could|is|are|does|do|how|will|would|should)\b.*\bif\b|\bwhat if\b|\bcan (you|one|people|a person)\b|\bis it possible\b")]
    private static partial Regex Hypothetical();

    /// <summary>Told as history ("I overdosed last year"): the person is not in it now.</summary>
    [GeneratedRegex(@"\b(last|past|previous) (year|month|week|summer|winter|spring|fall|time)\b|\b\d+ (years?|months?|weeks?) ago\b|\b(years|months|weeks) ago\b|\bin the past\b|\bused to\b|\bonce before\b|\bago\b")]
    private static partial Regex Past();

    public static bool IsEmergency(string normalized)
    {
        if (SelfHarm().IsMatch(normalized)) return true;
        var person = Person().IsMatch(normalized);
        if (!person) return false;
        if (Suicide().IsMatch(normalized) || AcuteSign().IsMatch(normalized)) return true;
        return Overdose().IsMatch(normalized) && !Hypothetical().IsMatch(normalized) && !Past().IsMatch(normalized);
    }
}
