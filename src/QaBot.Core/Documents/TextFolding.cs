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

    /// <summary>Typographic ligatures (as some PDFs encode them) spelt out: "\uFB01" becomes "fi".</summary>
    public static string MendLigatures(string text)
    {
        if (!text.Any(c => c is >= '\uFB00' and <= '\uFB06')) return text;
        return text.Replace("\uFB00", "ff").Replace("\uFB01", "fi").Replace("\uFB02", "fl").Replace("\uFB03", "ffi")
            .Replace("\uFB04", "ffl").Replace("\uFB05", "st").Replace("\uFB06", "st");
    }

    /// <summary>Characters that open or close a quotation.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB';
}
