namespace QaBot.Core.Search;

/// <summary>
/// Synonyms in the Solr format: "a, b, c" makes the phrases equivalent; "a, b => c, d" maps the
/// words people use (left) to the words the documents use (right). Phrases are matched on their
/// content terms, so "going bald" and "go bald" hit the same rule.
/// </summary>
internal sealed class Synonyms
{
    public static readonly Synonyms Empty = new(new Dictionary<string, HashSet<string>>(), []);

    private readonly Dictionary<string, HashSet<string>> _map;

    private Synonyms(Dictionary<string, HashSet<string>> map, HashSet<string> words)
    {
        _map = map;
        Words = words;
        LongestKey = map.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>Every word the rules name, so spelling correction leaves them alone.</summary>
    public HashSet<string> Words { get; }

    /// <summary>Most terms in one left-hand phrase.</summary>
    public int LongestKey { get; }

    public static Synonyms Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : Empty;

    public static Synonyms Parse(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Phrases(arrow < 0 ? line : line[..arrow]);
            var right = arrow < 0 ? left : Phrases(line[(arrow + 2)..]);
            foreach (var phrase in left.Concat(right)) words.UnionWith(Analysis.Words(phrase));
            foreach (var key in left)
            {
                if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(right.Where(r => r != key));
            }
        }
        return new Synonyms(map, words);
    }

    /// <summary>The phrases a run of question terms maps to, or null.</summary>
    public IReadOnlySet<string>? Lookup(string terms) => _map.GetValueOrDefault(terms);

    private static List<string> Phrases(string side) =>
        side.Split(',').Select(p => string.Join(' ', QuestionTerms.ContentStems(p))).Where(p => p.Length > 0).Distinct().ToList();
}
