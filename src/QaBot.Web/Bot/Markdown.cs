using System.Text;

namespace QaBot.Web.Bot;

/// <summary>
/// Escapes text for Markdown, so that article text, configured text and anything a person typed
/// are shown as written: never as formatting, links or HTML.
/// </summary>
internal static class Markdown
{
    /// <summary>
    /// Characters that start emphasis, code, links, HTML, entities, tables or strikethrough anywhere
    /// in a line, and quotes, which a typographer would otherwise curl.
    /// </summary>
    private const string Inline = "\\`*_[]<>&|~'\"";

    /// <summary>Every character that could format, including those that start a block at the beginning of a line.</summary>
    public static string Escape(string text) => Escape(text, blockStarts: true);

    /// <summary>
    /// Inline characters only: the text's own line-start lists ("- item") stay lists. For the core's
    /// own sentences, whose lists are meant as lists.
    /// </summary>
    public static string EscapeInline(string text) => Escape(text, blockStarts: false);

    private static string Escape(string text, bool blockStarts)
    {
        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && blockStarts)
            {
                if (c is ' ' or '\t') { sb.Append(c); continue; }
                if (c is '#' or '-' or '+' or '=') sb.Append('\\');
                else if (char.IsAsciiDigit(c) && OrderedListMarker(text, i) is var end && end > 0)
                {
                    sb.Append(text, i, end - i).Append('\\');
                    i = end - 1;
                    lineStart = false;
                    continue;
                }
            }
            if (Inline.Contains(c)) sb.Append('\\');
            sb.Append(c);
            lineStart = c == '\n';
        }
        return sb.ToString();
    }

    /// <summary>Where "12." or "3)" ends its digits, when the line starts like an ordered list item; else 0.</summary>
    private static int OrderedListMarker(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end < text.Length && text[end] is '.' or ')' ? end : 0;
    }
}
