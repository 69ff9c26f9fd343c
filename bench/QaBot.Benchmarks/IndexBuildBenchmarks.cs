using BenchmarkDotNet.Attributes;
using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Benchmarks;

/// <summary>
/// Building an index of the article: reading the documents and writing one Lucene generation,
/// without and with the embedding model's vectors (the model already loaded, as in a running host).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IndexBuildBenchmarks
{
    private string _folder = "";

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Pipeline.Scratch("builds"), Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private readonly QaBot.Core.Meaning.Embedder _embedder = new(new QaBot.Core.Meaning.MiniLmEmbeddingGenerator());

    [GlobalSetup]
    public void LoadModel() => _embedder.Embed(["warm up"]);

    [Benchmark(Baseline = true)]
    public IndexManifest Build() => BuildIndex(Pipeline.ArticleFolder, _folder);

    [Benchmark]
    public IndexManifest BuildWithVectors() => BuildIndex(Pipeline.ArticleFolder, _folder, _embedder);

    /// <summary>What a start-up without an index does before it can search: read the corpus, write the index (and its vectors).</summary>
    internal static IndexManifest BuildIndex(string documents, string folder, QaBot.Core.Meaning.Embedder? embedder = null) =>
        IndexBuilder.Build(Corpus.Load(documents), IndexManifest.FingerprintOf(documents, embedder?.ModelId), folder, embedder);
}
