using QaBot.Core.Documents;

namespace QaBot.Core.Answering;

/// <summary>
/// Checks a model's draft before anything of it reaches a person: every citation must name a real
/// passage, every span must stand in it word for word, and the lead-in must be one short sentence.
/// </summary>
internal static class DraftVerifier
{
    private const int MaxLeadIn = 200;
    private const int MinSpan = 30;

    /// <summary>The verified quotes, or the reason the draft is refused.</summary>
    public static (IReadOnlyList<Quote>? Quotes, string? Refusal) Verify(Draft? draft, Func<string, Passage?> find, int maxQuotes, IReadOnlyCollection<string> mustCite)
    {
        if (draft is null) return (null, "the model returned no draft");
        var lead = draft.LeadIn?.Trim() ?? "";
        if (lead.Length > MaxLeadIn || lead.Contains('\n')) return (null, "the lead-in is not one short sentence");
        // A number in the model's own words would be a dose, a duration or a rate: facts only quotes may carry.
        if (lead.Any(char.IsDigit)) return (null, "the lead-in states a number of its own");
        if (draft.Citations is not { Count: > 0 }) return (null, "the draft cites nothing");
        var quotes = new List<Quote>();
        foreach (var citation in draft.Citations.Take(maxQuotes))
        {
            var passage = find(citation.Id ?? "");
            if (passage is null) return (null, $"it cites an unknown passage '{citation.Id}'");
            var text = passage.Text;
            if (!string.IsNullOrWhiteSpace(citation.Span))
            {
                var span = TextFolding.FoldWhitespace(citation.Span);
                if (!text.Contains(span, StringComparison.Ordinal)) return (null, $"its quote of '{citation.Id}' is not in the document word for word");
                if (span.Length < Math.Min(MinSpan, text.Length)) return (null, $"its quote of '{citation.Id}' is too short to stand alone");
                text = span;
            }
            quotes.Add(new Quote(text, passage.Document, passage.Section, passage.Score) { Path = Quotes.PathOf(passage.Document, passage.Path), Page = passage.Page });
        }
        var cited = draft.Citations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (mustCite.Any(id => !cited.Contains(id))) return (null, "it leaves out a side of evidence that disagrees");
        return (quotes, null);
    }
}
