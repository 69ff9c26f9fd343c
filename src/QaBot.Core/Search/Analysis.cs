using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace QaBot.Core.Search;

/// <summary>
/// The one definition of text analysis, shared by indexing and querying: English (possessives,
/// lower case, stop words, Porter stemming) for content, and plain lower-cased words for the
/// vocabulary that spelling correction draws on.
/// </summary>
internal static class Analysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Changes whenever analysis or fields change, so an index built otherwise is rebuilt.</summary>
    public const string Signature = "english-porter/sentence+surface+document/v7";

    /// <summary>Shared: Lucene analyzers reuse per-thread token streams and are thread-safe.</summary>
    public static readonly Analyzer English = new EnglishAnalyzer(Version);

    private static readonly Analyzer Surface = new StandardAnalyzer(Version, CharArraySet.Empty);

    public static Analyzer ForIndexing() => new PerFieldAnalyzerWrapper(English,
        new Dictionary<string, Analyzer> { [Fields.Surface] = Surface });

    /// <summary>The English terms of a text, in order.</summary>
    public static List<string> Stems(string text) => Tokens(English, text);

    /// <summary>The lower-cased words of a text, in order, nothing removed.</summary>
    public static List<string> Words(string text) => Tokens(Surface, text);

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}

/// <summary>Field names of a sentence in the index.</summary>
internal static class Fields
{
    /// <summary>"file#ordinal": finds a sentence's neighbours.</summary>
    public const string Key = "key";
    public const string File = "file";
    public const string Title = "title";
    public const string Section = "section";
    public const string Ordinal = "ordinal";
    public const string Paragraph = "paragraph";
    /// <summary>The section path ("Effects › Side effects").</summary>
    public const string Path = "path";
    /// <summary>The page a sentence starts on (only where the format has pages).</summary>
    public const string Page = "page";
    /// <summary>The sentence: searched, and stored verbatim for quoting.</summary>
    public const string Text = "text";
    /// <summary>A whole document's text, on its own Lucene document: ranks documents on a large corpus.</summary>
    public const string Document = "document";
    /// <summary>The whole document's file name, as doc values: read for every ranked document without touching stored fields.</summary>
    public const string DocumentFile = "document_file";
    /// <summary>Un-stemmed words: the vocabulary for spelling correction.</summary>
    public const string Surface = "surface";
    /// <summary>Stored English terms of the sentence and of its context, for coverage.</summary>
    public const string TextTerms = "text_terms";
    public const string ContextTerms = "context_terms";

    public static string KeyOf(string file, int ordinal) => $"{file}#{ordinal}";
}
