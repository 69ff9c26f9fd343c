using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>The words of a text that can carry meaning: lower case, as written, without the words that only shape a sentence.</summary>
internal static class ContentWords
{
    public static IEnumerable<string> Of(string text) =>
        Analysis.Words(text).Where(w => w.Length > 1 && w.Any(char.IsLetter) && !QuestionTerms.IsGeneric(w));
}
