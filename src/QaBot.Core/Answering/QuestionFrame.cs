using System.Text.RegularExpressions;

namespace QaBot.Core.Answering;

/// <summary>
/// Takes off the words around a question that are not part of it: a greeting ("hi, ..."), a
/// request ("can you tell me about ..."), or a pointer to the document ("what does the article
/// say about ...", "according to the article"). What is left is what gets searched.
/// </summary>
internal static partial class QuestionFrame
{
    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening))\b[\s,!.]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(please\s+)?((can|could|would|will) you\s+)?(please\s+)?(tell me|explain|describe|show me)( to me)?(\s+(more\s+)?about)?\s+")]
    private static partial Regex Request();

    [GeneratedRegex(@"^(define|definition of|meaning of|what is meant by)\s+")]
    private static partial Regex Define();

    [GeneratedRegex(@"^(what|how) (does|do|did) (the|this) (article|document|text|guide|author|writer) (say|tell us|tell me|mention|explain|write|claim)s?( about)?\s+|^(does|do|did) (the|this) (article|document|text|guide|author) (say|mention|talk about|discuss)( anything)?( about)?\s+")]
    private static partial Regex Pointer();

    [GeneratedRegex(@"[\s,]*\b(according to|in|from|based on) (the|this) (article|document|text|guide)\b[\s,]*")]
    private static partial Regex Source();

    public static string Strip(string normalized)
    {
        var stripped = Greeting().Replace(normalized, "", 1);
        stripped = Request().Replace(stripped, "", 1);
        stripped = Pointer().Replace(stripped, "", 1);
        if (Define().IsMatch(stripped)) stripped = "what is " + Define().Replace(stripped, "", 1);
        stripped = Source().Replace(stripped, " ").Trim();
        return stripped.Trim('?', '.', '!', ' ').Length == 0 ? normalized : stripped;
    }
}
