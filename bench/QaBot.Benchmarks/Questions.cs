namespace QaBot.Benchmarks;

/// <summary>The questions the benchmarks ask; the load test's wrk script reads the same file.</summary>
internal static class Questions
{
    /// <summary>How many questions the mix holds (a constant, for BenchmarkDotNet's OperationsPerInvoke).</summary>
    public const int MixCount = 8;

    /// <summary>A mix: plain answers, a misspelt question and one the article does not cover.</summary>
    public static IReadOnlyList<string> Mix { get; } = ReadMix();

    private static List<string> ReadMix()
    {
        var mix = File.ReadAllLines(Path.Combine(Pipeline.Root, "bench", "questions.txt")).Where(l => l.Trim().Length > 0).ToList();
        return mix.Count == MixCount ? mix : throw new InvalidDataException($"bench/questions.txt must hold {MixCount} questions, not {mix.Count}.");
    }

    /// <summary>One question of each kind the micro-benchmarks compare.</summary>
    public static string OfKind(string kind) => kind switch
    {
        "answered" => "Can kratom cause hair loss?",
        "misspelt" => "how dose kratum help with opiod withdrawl",
        "not_found" => "What is the capital of France?",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "answered, misspelt or not_found"),
    };
}
