using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaBot.Core.Search;

/// <summary>
/// One open index generation: a shared searcher, its manifest and vocabulary. Reference-counted,
/// so a rebuild can swap generations while searches on the old one finish.
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly Lazy<Vocabulary> _vocabulary;

    internal IndexSnapshot(DirectoryReader reader, IndexManifest manifest)
    {
        _reader = reader;
        Manifest = manifest;
        Searcher = new IndexSearcher(reader);
        _vocabulary = new Lazy<Vocabulary>(() => Vocabulary.From(reader), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IndexManifest Manifest { get; }

    internal IndexSearcher Searcher { get; }

    internal IndexReader Reader => _reader;

    internal Vocabulary Vocabulary => _vocabulary.Value;

    internal IndexSnapshot Acquire()
    {
        _reader.IncRef();
        return this;
    }

    /// <summary>Drops the store's own reference; the reader closes when the last search ends.</summary>
    internal void Release() => _reader.DecRef();

    /// <summary>Ends one search's hold on this generation.</summary>
    public void Dispose() => _reader.DecRef();
}
