using System.Text.Json;

namespace QaBot.Core.Training;

/// <summary>One labelled question: what reply it should get, and for an answered one the sentences that answer it.</summary>
/// <param name="Expect">"answered", "not_found", "emergency", "chitchat", or "question" (a question whose answer is not labelled).</param>
/// <param name="Kind">The kind of small talk, or a free tag.</param>
/// <param name="Gold">Every sentence that is a correct first quote.</param>
/// <param name="Sides">Where the documents say two things, the sentences of each side.</param>
/// <param name="Corpus">The corpus it is asked of.</param>
/// <param name="Source">The file it came from, for reports.</param>
public sealed record TrainingExample(string Question, string Expect, string? Kind, IReadOnlyList<string> Gold,
    IReadOnlyList<IReadOnlyList<string>>? Sides, string Corpus, string Source)
{
    public bool IsAnswered => Expect == "answered";
}

/// <summary>Question files in the shape the scorer reads: {"questions": [{"question", "expect", "gold", "sides", "kind"}]}.</summary>
public static class TrainingSet
{
    private static readonly string[] Expectations = ["answered", "not_found", "emergency", "chitchat", "question"];

    /// <summary>Reads one file; a question without text or with an unknown expectation is an error naming the file and the question.</summary>
    public static List<TrainingExample> Load(string path, string corpus)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        // Reports name a corpus's files by corpus, since every corpus has its questions.json.
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        var source = folder is "questions" or null || !Directory.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "documents"))
            ? Path.GetFileName(path) : folder + "/" + Path.GetFileName(path);
        var examples = new List<TrainingExample>();
        var number = 0;
        foreach (var q in json.RootElement.GetProperty("questions").EnumerateArray())
        {
            number++;
            var text = q.TryGetProperty("question", out var t) ? t.GetString() : null;
            var expect = q.TryGetProperty("expect", out var e) ? e.GetString() : null;
            if (string.IsNullOrWhiteSpace(text) || expect is null || !Expectations.Contains(expect))
                throw new InvalidDataException($"{path}, question {number}: needs a \"question\" and an \"expect\" of {string.Join(", ", Expectations)}.");
            var gold = Strings(q, "gold");
            if (expect == "answered" && gold.Count == 0) throw new InvalidDataException($"{path}, question {number} (\"{text}\"): an answered question needs gold sentences.");
            IReadOnlyList<IReadOnlyList<string>>? sides = q.TryGetProperty("sides", out var s)
                ? s.EnumerateArray().Select(side => (IReadOnlyList<string>)side.EnumerateArray().Select(x => x.GetString()!).ToList()).ToList()
                : null;
            examples.Add(new TrainingExample(text, expect, q.TryGetProperty("kind", out var k) ? k.GetString() : null, gold, sides, corpus, source));
        }
        return examples;
    }

    private static List<string> Strings(JsonElement q, string name) =>
        q.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
}
