namespace QaBot.Core.Search;

/// <summary>
/// Synonyms in the Solr format: "a, b, c" makes the phrases equivalent; "a, b => c, d" points
/// narrower words people use (left) at the documents' broader terms (right), which count for less.
/// Phrases are matched on their content terms, so "going bald" and "go bald" hit the same rule.
/// </summary>
internal sealed class Synonyms
{
    /// <summary>An equivalent wording counts as the question's own word: "side effects" are "adverse effects".</summary>
    public const double Equivalent = 1.0;

    /// <summary>How much a broader term counts: enough to help a question, too little to carry one alone.</summary>
    public const double Broader = 0.45;

    public static readonly Synonyms Empty = new(new Dictionary<string, Dictionary<string, double>>(), []);

    private readonly Dictionary<string, Dictionary<string, double>> _map;

    private Synonyms(Dictionary<string, Dictionary<string, double>> map, HashSet<string> words)
    {
        _map = map;
        LongestKey = map.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        Vocabulary = Vocabulary.Of(words);
    }

    /// <summary>Every word the rules name: spelling correction leaves them alone and may correct to them.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Most terms in one left-hand phrase.</summary>
    public int LongestKey { get; }

    /// <summary>
    /// Reads the file, after Lucene's own Solr synonym parser has checked it: a malformed line stops
    /// here with its line number instead of being skipped or misread.
    /// </summary>
    public static Synonyms Load(string path)
    {
        if (!File.Exists(path)) return Empty;
        var lines = File.ReadAllLines(path);
        Check(lines, path);
        return Parse(lines);
    }

    /// <summary>Parses the lines with <see cref="Lucene.Net.Analysis.Synonym.SolrSynonymParser"/>; an error names the file and the line.</summary>
    public static void Check(IReadOnlyList<string> lines, string source)
    {
        using var analyzer = new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Analysis.Version);
        var parser = new Lucene.Net.Analysis.Synonym.SolrSynonymParser(dedup: true, expand: true, analyzer);
        try { parser.Parse(new StringReader(string.Join('\n', lines))); }
        catch (Exception e) when (e is J2N.Text.ParseException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"{source} is not a valid Solr synonym file: {e.Message}", e);
        }
    }

    public static Synonyms Parse(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Phrases(arrow < 0 ? line : line[..arrow]);
            var right = arrow < 0 ? left : Phrases(line[(arrow + 2)..]);
            words.UnionWith(Analysis.Words(line));
            var credit = arrow < 0 ? Equivalent : Broader;
            foreach (var key in left)
            {
                if (!map.TryGetValue(key, out var forms)) map[key] = forms = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var form in right.Where(r => r != key))
                    forms[form] = Math.Max(credit, forms.GetValueOrDefault(form));
            }
        }
        return new Synonyms(map, words);
    }

    /// <summary>The phrases a run of question terms maps to, with what each counts for, or null.</summary>
    public IReadOnlyDictionary<string, double>? Lookup(string terms) => _map.GetValueOrDefault(terms);

    private static List<string> Phrases(string side) =>
        side.Split(',').Select(p => string.Join(' ', QuestionTerms.ContentStems(p))).Where(p => p.Length > 0).Distinct().ToList();
}
