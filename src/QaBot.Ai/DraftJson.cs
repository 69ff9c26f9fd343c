using System.Text.Json;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>
/// Reads the model's JSON answer, <c>{"lead_in": "...", "quotes": [{"id": "...", "span": "..."}]}</c>,
/// forgiving of code fences, prose around the object and a few spellings of the keys, and strict
/// about everything else: what cannot be read is a <see cref="FormatException"/>.
/// </summary>
internal static class DraftJson
{
    private static readonly string[] LeadInKeys = ["lead_in", "leadIn", "lead-in", "leadin", "intro"];
    private static readonly string[] QuotesKeys = ["quotes", "citations", "cites", "ids"];
    private static readonly string[] IdKeys = ["id", "passage", "passage_id"];
    private static readonly string[] SpanKeys = ["span", "quote", "text"];

    public static Draft Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new FormatException("the answer is empty");
        var (start, end) = (answer.IndexOf('{'), answer.LastIndexOf('}'));
        if (start < 0 || end < start) throw new FormatException("the answer holds no JSON object");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(answer.AsMemory(start, end - start + 1), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException("the answer is not valid JSON: " + e.Message, e);
        }
        using (json)
        {
            var root = json.RootElement;
            var lead = Property(root, LeadInKeys) switch
            {
                null => "",
                { ValueKind: JsonValueKind.String } l => l.GetString() ?? "",
                _ => throw new FormatException("its lead-in is not a string"),
            };
            if (Property(root, QuotesKeys) is not { ValueKind: JsonValueKind.Array } quotes) throw new FormatException("it lists no quotes");
            return new Draft(lead, quotes.EnumerateArray().Select(Citation).ToList());
        }
    }

    /// <summary>The start of an answer, on one line, for a log.</summary>
    public static string Preview(string? answer) => (answer ?? "").ReplaceLineEndings(" ") is var s && s.Length > 200 ? s[..200] + "…" : s;

    private static Citation Citation(JsonElement quote) => quote.ValueKind switch
    {
        JsonValueKind.String => new Citation(Id(quote)),
        JsonValueKind.Object when Property(quote, IdKeys) is { ValueKind: JsonValueKind.String } id => new Citation(
            Id(id), Property(quote, SpanKeys) is { ValueKind: JsonValueKind.String } span ? span.GetString() : null),
        _ => throw new FormatException("a quote names no id"),
    };

    /// <summary>An id as listed, without the brackets the prompt shows around it.</summary>
    private static string Id(JsonElement id) => (id.GetString() ?? "").Trim().Trim('[', ']').Trim();

    private static JsonElement? Property(JsonElement element, string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
            if (names.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                return property.Value;
        return null;
    }
}
