using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;
using QaBot.Core.Documents;

namespace QaBot.Benchmarks;

/// <summary>
/// Makes a corpus of any size for growth benchmarks: the article, then generated Markdown documents
/// of the article's length and shape. Each generated document follows the article's sections and
/// paragraphs, every sentence a random article sentence with its stop words kept and each other word
/// replaced: by a word of the article (<see cref="ArticleShare"/>), by one of the document's own
/// three topic words (<see cref="TopicShare"/>), or by a word of a large made-up lexicon drawn with
/// Zipf's law, so the vocabulary keeps growing with the corpus as real text does. Document i depends
/// only on the seed, the kind and i: a corpus of 100 is the first 100 documents of one of 1,000.
/// Two kinds: <see cref="OtherTopics"/> draws the article's words evenly (documents on other subjects
/// in the same vocabulary), <see cref="SameTopic"/> with the article's frequencies, so every document
/// leans on "kratom", "withdrawal" and "opioid" as the article does: the worst case for search.
/// </summary>
internal sealed partial class CorpusGenerator
{
    public const int DefaultSeed = 20240611;

    public const string OtherTopics = "other-topics";
    public const string SameTopic = "same-topic";

    /// <summary>Share of content words taken from the article's own words (with their frequencies).</summary>
    public const double ArticleShare = 0.45;

    /// <summary>Share of content words that are the document's topic words.</summary>
    public const double TopicShare = 0.20;

    private const int LexiconSize = 50_000;
    private const string ArticleFile = "kratom-opioid-withdrawal.txt";

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cl", "dr", "gr", "pl", "st", "tr", "th", "sh", "ch"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
    private static readonly string[] Codas = ["", "", "", "", "n", "r", "s", "l", "m", "x"];

    private readonly int _seed;
    private readonly string _kind;
    private readonly string _article;
    private readonly CorpusDocument _document;
    private readonly string[] _contentWords;
    private readonly string[] _lexicon;

    public CorpusGenerator(string article, string kind, int seed)
    {
        _seed = seed;
        _kind = kind is OtherTopics or SameTopic ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{OtherTopics} or {SameTopic}");
        _article = article;
        _document = PlainTextReader.Read(ArticleFile, article);
        var words = _document.Sentences.SelectMany(s => WordsOf(s.Text)).Where(w => !IsStopWord(w)).Select(w => w.ToLowerInvariant());
        _contentWords = kind == SameTopic ? [.. words] : [.. words.Distinct()];
        var random = new Random(seed);
        var lexicon = new List<string>(LexiconSize);
        var seen = new HashSet<string>(_contentWords, StringComparer.Ordinal);
        while (lexicon.Count < LexiconSize)
        {
            var word = PseudoWord(random);
            if (seen.Add(word)) lexicon.Add(word);
        }
        _lexicon = [.. lexicon];
    }

    public static CorpusGenerator ForArticle(string kind, int seed = DefaultSeed) =>
        new(File.ReadAllText(Path.Combine(Pipeline.ArticleFolder, ArticleFile)), kind, seed);

    /// <summary>Names the corpus (and its index) in the scratch folder.</summary>
    public string Name(int documents) => $"{_kind}-{_seed}-{documents}";

    /// <summary>
    /// The folder holding a corpus of <paramref name="documents"/> documents (the article and
    /// documents - 1 generated ones), written on first use and kept for later runs.
    /// </summary>
    public string Ensure(int documents)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qabot-bench", "corpus-" + Name(documents));
        if (File.Exists(Path.Combine(folder, ".complete"))) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Write(folder, documents);
        File.WriteAllText(Path.Combine(folder, ".complete"), documents.ToString());
        return folder;
    }

    /// <summary>Writes the article and <paramref name="documents"/> - 1 generated documents into <paramref name="folder"/>.</summary>
    public void Write(string folder, int documents)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ArticleFile), _article);
        for (var i = 1; i < documents; i++)
            File.WriteAllText(Path.Combine(folder, $"generated-{i:D5}.md"), Generate(i));
    }

    /// <summary>Generated document number <paramref name="index"/> (1 and up), as Markdown.</summary>
    public string Generate(int index)
    {
        var random = new Random(HashCode.Combine(_seed, _kind.Length, index) & int.MaxValue);
        var topics = Enumerable.Range(0, 3).Select(_ => Zipf(random)).ToArray();
        var text = new StringBuilder();
        text.Append("# ").Append(Rewrite(_document.Title, random, topics)).Append("\n\n");
        foreach (var section in _document.Sentences.GroupBy(s => s.Section))
        {
            text.Append("## ").Append(Rewrite(section.Key, random, topics)).Append("\n\n");
            foreach (var paragraph in section.GroupBy(s => s.Paragraph))
            {
                var sentences = paragraph.Select(_ => Rewrite(_document.Sentences[random.Next(_document.Sentences.Count)].Text, random, topics));
                text.AppendJoin(' ', sentences).Append("\n\n");
            }
        }
        return text.ToString();
    }

    private string Rewrite(string sentence, Random random, string[] topics) => Word().Replace(sentence, match =>
    {
        var word = match.Value;
        if (IsStopWord(word)) return word;
        var roll = random.NextDouble();
        var replacement = roll < ArticleShare ? _contentWords[random.Next(_contentWords.Length)]
            : roll < ArticleShare + TopicShare ? topics[random.Next(topics.Length)]
            : Zipf(random);
        return char.IsUpper(word[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    });

    /// <summary>A lexicon word, the k-th most common with probability about 1/k (a log-uniform rank).</summary>
    private string Zipf(Random random) => _lexicon[(int)Math.Min(_lexicon.Length - 1, Math.Exp(random.NextDouble() * Math.Log(_lexicon.Length + 1)) - 1)];

    private static string PseudoWord(Random random)
    {
        var word = new StringBuilder();
        for (var syllables = random.Next(1, 4); syllables > 0; syllables--)
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]).Append(Codas[random.Next(Codas.Length)]);
        return word.ToString();
    }

    private static bool IsStopWord(string word) => EnglishAnalyzer.DefaultStopSet.Contains(word.ToLowerInvariant());

    private static IEnumerable<string> WordsOf(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\p{L}[\p{L}'\u2019]*")]
    private static partial Regex Word();
}
