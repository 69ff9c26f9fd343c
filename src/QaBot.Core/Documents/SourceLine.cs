namespace QaBot.Core.Documents;

internal enum LineKind { Blank, Text, Bullet }

/// <summary>One line of a document with its offsets, its kind and its content without markers.</summary>
internal sealed record SourceLine(LineKind Kind, int ContentStart, int End, string Content)
{
    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            lines.Add(Classify(text, start, end));
            if (newline < 0) break;
            start = newline + 1;
        }
        return lines;
    }

    private static SourceLine Classify(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == end) return new SourceLine(LineKind.Blank, start, end, "");
        var line = text.AsSpan(start, end - start);
        var marker = BulletMarker(line);
        if (marker > 0)
            return new SourceLine(LineKind.Bullet, start + marker, end, line[marker..].Trim().ToString());
        return new SourceLine(LineKind.Text, start, end, line.ToString());
    }

    /// <summary>Length of a leading "- ", "* ", "• " or "1. " marker, or 0.</summary>
    private static int BulletMarker(ReadOnlySpan<char> line)
    {
        if (line.Length > 2 && line[0] is '-' or '*' or '\u2022' && line[1] == ' ') return 2;
        var digits = 0;
        while (digits < line.Length && char.IsDigit(line[digits])) digits++;
        return digits is > 0 and < 4 && line.Length > digits + 2 && line[digits] is '.' or ')' && line[digits + 1] == ' ' ? digits + 2 : 0;
    }
}
