using System.Text.RegularExpressions;

namespace QaBot.Core.Tests;

/// <summary>Checks a quote against the documents the way a reader would: case, curly quotes, dashes and white space folded.</summary>
internal static partial class Verbatim
{
    public static string Fold(string text)
    {
        var s = text.ToLowerInvariant()
            .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-');
        return Spaces().Replace(s, " ").Trim().Trim('"').Trim();
    }

    public static bool IsIn(string quote, string document) => Fold(document).Contains(Fold(quote), StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
