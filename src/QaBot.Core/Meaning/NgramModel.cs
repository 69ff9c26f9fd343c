using System.Text.RegularExpressions;

namespace QaBot.Core.Meaning;

/// <summary>
/// A logistic regression over the words, word pairs and letter groups of a message (fastText-like
/// features): it catches what a sentence vector blurs, such as "rn", "isnt breathing" or "years
/// ago", and letter groups carry it through misspellings ("breathin", "od'ing"). The vocabulary and
/// weights come from <c>qabot train</c>.
/// </summary>
public sealed partial class NgramModel
{
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The n-grams that occurred often enough in training to be weighed.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>One row per label, one weight per n-gram.</summary>
    public required float[][] Weights { get; init; }

    public required double[] Bias { get; init; }

    private Dictionary<string, int>? _index;

    private Dictionary<string, int> Index => _index ??= Features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);

    public double[] Probabilities(string text) => Probabilities(Known(Of(text)));

    /// <summary>The indexes of a message's n-grams this model weighs.</summary>
    public int[] Known(IEnumerable<string> grams) => grams.Select(g => Index.GetValueOrDefault(g, -1)).Where(i => i >= 0).ToArray();

    internal double[] Probabilities(int[] known)
    {
        var logits = new double[Labels.Count];
        var norm = 1 / Math.Sqrt(Math.Max(1, known.Length));
        for (var k = 0; k < logits.Length; k++)
        {
            var sum = Bias[k];
            foreach (var i in known) sum += Weights[k][i] * norm;
            logits[k] = sum;
        }
        return LinearModel.Softmax(logits);
    }

    public void Check(string name)
    {
        if (Weights.Length != Labels.Count || Bias.Length != Labels.Count || Weights.Any(w => w.Length != Features.Count)
            || Features.Distinct(StringComparer.Ordinal).Count() != Features.Count)
            throw new InvalidDataException($"The fitted {name} model is malformed: run `qabot train`.");
    }

    /// <summary>Words ("w:"), pairs of words ("b:") and groups of three to five letters inside words ("c:"), each once.</summary>
    public static HashSet<string> Of(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value.Replace("'", "")).Where(w => w.Length > 0).ToList();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) grams.Add("w:" + w);
        for (var i = 0; i + 1 < words.Count; i++) grams.Add("b:" + words[i] + " " + words[i + 1]);
        foreach (var w in words)
        {
            var marked = "<" + w + ">";
            for (var n = 3; n <= 5; n++)
                for (var i = 0; i + n <= marked.Length; i++) grams.Add("c:" + marked.Substring(i, n));
        }
        if (words.Count <= 3) grams.Add("short");
        return grams;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
