using System.Globalization;
using System.Text;

namespace QaBot.Core.Answering;

/// <summary>
/// Makes any input safe to analyse: no control characters or lone surrogates, folded quotes and
/// spaces, lower case; only its first <c>maxChars</c> characters are read, so a longer question is answered from its start.
/// </summary>
internal static class QuestionText
{
    public static string Normalize(string? question, int maxChars) => Clean(question, maxChars, lowerCase: true);

    /// <summary>The same cleaning, keeping the person's own casing: how a model should see the question.</summary>
    public static string Clean(string? question, int maxChars, bool lowerCase = false)
    {
        if (string.IsNullOrEmpty(question)) return "";
        var sb = new StringBuilder(Math.Min(question.Length, maxChars));
        var space = false;
        var end = Math.Min(question.Length, maxChars);
        for (var i = 0; i < end; i++)
        {
            var c = question[i];
            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(question[i + 1]))
            {
                Flush(sb, ref space);
                sb.Append(c).Append(question[++i]);
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = sb.Length > 0;
                continue;
            }
            Flush(sb, ref space);
            sb.Append(c switch { '\u2018' or '\u2019' or '\u02BC' => '\'', '\u201C' or '\u201D' => '"', _ => lowerCase ? char.ToLowerInvariant(c) : c });
        }
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, ref bool space)
    {
        if (space) sb.Append(' ');
        space = false;
    }
}
