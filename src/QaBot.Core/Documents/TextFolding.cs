using System.Text;

namespace QaBot.Core.Documents;

/// <summary>Small text helpers shared by reading and composing.</summary>
internal static class TextFolding
{
    /// <summary>Runs of white space become one space; the ends are trimmed.</summary>
    public static string FoldWhitespace(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Characters that open or close a quotation.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB';
}
