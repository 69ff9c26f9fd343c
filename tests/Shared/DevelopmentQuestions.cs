using System.Text.Json;
using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

/// <summary>
/// The development questions (a copy of the evaluation set in tests/Shared/Data) and the shared
/// scorer's rules, for every test project that scores them.
/// </summary>
internal static class DevelopmentQuestions
{
    /// <summary>Longest first quote that counts, in characters.</summary>
    public const int QuoteMax = 600;

    /// <summary>Shortest part of a gold sentence that counts.</summary>
    public const int QuoteMin = 30;

    public sealed record Question(string Text, string Expect, IReadOnlyList<string> Gold, IReadOnlyList<IReadOnlyList<string>>? Sides);

    public static List<Question> Load(string file = "dev-questions.json")
    {
        var path = Path.Combine(TestCorpus.QuestionSets, file);
        Assert.True(File.Exists(path), $"The question set is missing: expected {path}.");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("questions").EnumerateArray().Select(q => new Question(
            q.GetProperty("question").GetString()!,
            q.GetProperty("expect").GetString()!,
            q.TryGetProperty("gold", out var gold) ? gold.EnumerateArray().Select(g => g.GetString()!).ToList() : [],
            q.TryGetProperty("sides", out var sides)
                ? sides.EnumerateArray().Select(s => (IReadOnlyList<string>)s.EnumerateArray().Select(g => g.GetString()!).ToList()).ToList()
                : null)).ToList();
    }

    /// <summary>A quote of at most <see cref="QuoteMax"/> characters that holds a gold sentence or stands inside one.</summary>
    public static bool Overlaps(string quote, string gold)
    {
        var (q, g) = (Verbatim.Fold(quote), Verbatim.Fold(gold));
        return q.Length <= QuoteMax && (q.Contains(g, StringComparison.Ordinal) || (q.Length >= QuoteMin && g.Contains(q, StringComparison.Ordinal)));
    }

    /// <summary>A status as the questions file spells it.</summary>
    public static string StatusName(ReplyStatus status) => status == ReplyStatus.NotFound ? "not_found" : status.ToString().ToLowerInvariant();
}
