using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using QaBot.Core.Answering;

namespace QaBot.Benchmarks;

/// <summary>
/// Answer cost as the corpus grows from the article alone to 10,000 documents (see
/// <see cref="CorpusGenerator"/>): the question mix of bench/questions.txt, per question. The corpus
/// and its index are made on the first run and kept, so only the first run of a size waits for them.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GrowthAnswerBenchmarks
{
    private Pipeline _pipeline = null!;
    private IQuestionAnswerer _answerer = null!;
    private IReadOnlyList<string> _questions = [];

    [Params(CorpusGenerator.OtherTopics, CorpusGenerator.SameTopic)]
    public string Corpus { get; set; } = CorpusGenerator.OtherTopics;

    [Params(1, 100, 1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = CorpusGenerator.ForArticle(Corpus);
        // Lexical: these measure how Lucene retrieval grows; with the model, building an index of
        // 10,000 documents is one run of the model per sentence (docs/performance.md).
        _pipeline = Pipeline.Over(generator.Ensure(Documents), Pipeline.Scratch("index-" + generator.Name(Documents)), model: false);
        _answerer = _pipeline.Answerer;
        _questions = Questions.Mix;
        Answer();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(OperationsPerInvoke = Questions.MixCount)]
    public int Answer()
    {
        var quotes = 0;
        foreach (var question in _questions)
            quotes += _answerer.AnswerAsync(question).GetAwaiter().GetResult().Quotes.Count;
        return quotes;
    }
}

/// <summary>
/// Index build time as the corpus grows: one cold build per size (the 10,000-document build takes
/// minutes on two cores), so compare sizes, not runs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class GrowthBuildBenchmarks
{
    private string _documents = "", _folder = "";

    [Params(CorpusGenerator.OtherTopics, CorpusGenerator.SameTopic)]
    public string Corpus { get; set; } = CorpusGenerator.OtherTopics;

    [Params(1, 100, 1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup() => _documents = CorpusGenerator.ForArticle(Corpus).Ensure(Documents);

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Pipeline.Scratch("builds"), Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Build() => IndexBuildBenchmarks.BuildIndex(_documents, _folder).Sentences;
}
