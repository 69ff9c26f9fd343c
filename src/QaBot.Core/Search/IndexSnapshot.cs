using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaBot.Core.Search;

/// <summary>
/// One open index generation: a shared searcher, its manifest and vocabulary. Reference-counted,
/// so a rebuild can swap generations while searches on the old one finish.
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    /// <summary>
    /// Most sentences kept parsed per generation (all of the article's; a few MB for a large corpus):
    /// every question reads up to 60 candidates, and reading one from Lucene's compressed stored
    /// fields and splitting its terms cost more than the rest of a question.
    /// </summary>
    internal const int MaxCachedSentences = 4096;

    /// <summary>Most terms whose statistics are kept per generation: question words and synonym forms repeat.</summary>
    internal const int MaxCachedTerms = 65_536;

    private readonly DirectoryReader _reader;
    private readonly Lazy<Vocabulary> _vocabulary;
    private readonly ConcurrentDictionary<(string Field, string Term), TermContext> _terms = new();
    private readonly StoredSentence?[] _sentences;
    private readonly ConcurrentDictionary<string, string> _mended = new(StringComparer.Ordinal);
    private int _cachedSentences;

    internal IndexSnapshot(DirectoryReader reader, IndexManifest manifest, Meaning.GenerationVectors? vectors = null)
    {
        _reader = reader;
        Manifest = manifest;
        Vectors = vectors;
        Searcher = new IndexSearcher(reader);
        _vocabulary = new Lazy<Vocabulary>(() => Vocabulary.From(reader), LazyThreadSafetyMode.ExecutionAndPublication);
        _sentences = new StoredSentence?[reader.MaxDoc];
    }

    public IndexManifest Manifest { get; }

    /// <summary>The generation's folder name under the index folder (what CURRENT names when it is live).</summary>
    public string Generation { get; init; } = "";

    /// <summary>The embedding model's vectors of this generation, or null for a lexical-only index.</summary>
    internal Meaning.GenerationVectors? Vectors { get; }

    internal IndexSearcher Searcher { get; }

    internal IndexReader Reader => _reader;

    /// <summary>How many sentences the generation holds (the index also holds one entry per document).</summary>
    internal int SentenceCount => Math.Max(Manifest.Sentences, 1);

    internal Vocabulary Vocabulary => _vocabulary.Value;

    /// <summary>
    /// Where a term stands in each segment and how many sentences hold it, looked up once per
    /// generation (each look-up opens a terms enumerator per segment). Read-only once built, so
    /// every search may share it.
    /// </summary>
    internal TermContext TermStates(string field, string term)
    {
        if (_terms.TryGetValue((field, term), out var states)) return states;
        states = TermContext.Build(Searcher.TopReaderContext, new Term(field, term));
        if (_terms.Count < MaxCachedTerms) _terms.TryAdd((field, term), states);
        return states;
    }

    /// <summary>
    /// A question word as spelling correction leaves it, worked out once per generation (up to
    /// <see cref="MaxCachedTerms"/> words): people misspell the same words, and on a large corpus
    /// each correction builds a Levenshtein automaton.
    /// </summary>
    internal string Mended(string word, Func<string, string> mend)
    {
        if (_mended.TryGetValue(word, out var known)) return known;
        var mended = mend(word);
        if (_mended.Count < MaxCachedTerms) _mended.TryAdd(word, mended);
        return mended;
    }

    /// <summary>How many sentences hold the English term: the reader's DocFreq, from <see cref="TermStates"/>.</summary>
    internal int DocFreq(string term) => TermStates(Fields.Text, term).DocFreq;

    /// <summary>The stored sentence with this document number, read once and then kept (up to <see cref="MaxCachedSentences"/>).</summary>
    internal StoredSentence Sentence(int doc)
    {
        var kept = Volatile.Read(ref _sentences[doc]);
        if (kept is not null) return kept;
        var stored = StoredSentence.From(Searcher.Doc(doc));
        if (Volatile.Read(ref _cachedSentences) < MaxCachedSentences && Interlocked.Increment(ref _cachedSentences) <= MaxCachedSentences)
            Volatile.Write(ref _sentences[doc], stored);
        return stored;
    }

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

/// <summary>A sentence as stored, with its own and its context's English terms split for matching.</summary>
internal sealed record StoredSentence(IndexedSentence Sentence, TermSequence Terms, TermSequence ContextTerms)
{
    private string[]? _words;

    /// <summary>Its content words as written, lower case: matched one by one against a question's words.</summary>
    public string[] Words => _words ??= Meaning.ContentWords.Of(Sentence.Text).Distinct(StringComparer.Ordinal).ToArray();

    public static StoredSentence From(Lucene.Net.Documents.Document doc) =>
        new(Candidate.From(doc), new TermSequence(doc.Get(Fields.TextTerms)), new TermSequence(doc.Get(Fields.ContextTerms)));
}
