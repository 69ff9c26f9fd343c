using System.Globalization;

namespace QaBot.Core.Documents;

/// <summary>Recognises a title written as the opening sentence of a paragraph, in title case.</summary>
internal static class TitleText
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into",
        "of", "on", "to", "with", "vs", "via", "per",
    };

    /// <summary>The title if the paragraph opens with a title-case sentence, else null.</summary>
    public static string? FromParagraph(string paragraph)
    {
        var (start, end) = SentenceSplitter.Split(paragraph, 0, paragraph.Length).FirstOrDefault();
        if (end <= start) return null;
        var sentence = paragraph[start..end].Trim().Trim('"', '\u201C', '\u201D', '\'').TrimEnd('.').Trim();
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || sentence.Length > 200) return null;
        var significant = words.Where(w => !SmallWords.Contains(w.Trim(':', ',', '-'))).ToList();
        if (significant.Count == 0 || significant.Any(w => !char.IsUpper(w[0]) && !char.IsDigit(w[0]))) return null;
        var colon = sentence.IndexOf(':');
        return colon > 0 && sentence[..colon].Split(' ').Length >= 3 ? sentence[..colon].Trim() : sentence;
    }

    /// <summary>"kratom-opioid-withdrawal.txt" becomes "Kratom Opioid Withdrawal".</summary>
    public static string FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ');
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Trim());
    }
}
