using BenchmarkDotNet.Attributes;
using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Benchmarks;

/// <summary>Building an index of the article: reading the documents and writing one Lucene generation.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IndexBuildBenchmarks
{
    private string _folder = "";

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Pipeline.Scratch("builds"), Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public IndexManifest Build() => BuildIndex(Pipeline.ArticleFolder, _folder);

    /// <summary>What a start-up without an index does before it can search: read the corpus, write the index.</summary>
    internal static IndexManifest BuildIndex(string documents, string folder) =>
        IndexBuilder.Build(Corpus.Load(documents), IndexManifest.FingerprintOf(documents), folder);
}
