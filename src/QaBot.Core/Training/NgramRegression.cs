using QaBot.Core.Meaning;

namespace QaBot.Core.Training;

/// <summary>Fits an <see cref="NgramModel"/>: L2-regularised softmax regression on sparse n-grams by full-batch Adam, classes weighed equally.</summary>
internal static class NgramRegression
{
    /// <summary>An n-gram must occur in at least this many training messages to be weighed.</summary>
    private const int MinCount = 2;

    public static NgramModel Fit(IReadOnlyList<string> labels, IReadOnlyList<string> texts, IReadOnlyList<int> y, double l2 = 1e-4, int iterations = 300, double learningRate = 0.05)
    {
        var grams = texts.Select(NgramModel.Of).ToList();
        var features = grams.SelectMany(g => g).GroupBy(g => g, StringComparer.Ordinal).Where(g => g.Count() >= MinCount)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var k = labels.Count;
        var v = features.Count;
        var empty = new NgramModel { Labels = labels, Features = features, Weights = Enumerable.Range(0, k).Select(_ => new float[v]).ToArray(), Bias = new double[k] };
        var x = grams.Select(empty.Known).ToArray();
        var weight = ClassWeights.Of(y, k);
        var w = Enumerable.Range(0, k).Select(_ => new double[v]).ToArray();
        var b = new double[k];
        var adamW = w.Select(_ => new Adam(v, learningRate, l2)).ToArray();
        var adamB = new Adam(k, learningRate);
        var logits = new double[k];
        for (var t = 1; t <= iterations; t++)
        {
            var gw = Enumerable.Range(0, k).Select(_ => new double[v]).ToArray();
            var gb = new double[k];
            for (var i = 0; i < x.Length; i++)
            {
                var norm = 1 / Math.Sqrt(Math.Max(1, x[i].Length));
                for (var c = 0; c < k; c++)
                {
                    var s = b[c];
                    foreach (var f in x[i]) s += w[c][f] * norm;
                    logits[c] = s;
                }
                var p = LinearModel.Softmax(logits);
                for (var c = 0; c < k; c++)
                {
                    var g = (p[c] - (y[i] == c ? 1 : 0)) * weight[i];
                    gb[c] += g;
                    foreach (var f in x[i]) gw[c][f] += g * norm;
                }
            }
            for (var c = 0; c < k; c++) adamW[c].Step(w[c], gw[c]);
            adamB.Step(b, gb);
        }
        return new NgramModel { Labels = labels, Features = features, Weights = w.Select(r => r.Select(x => (float)x).ToArray()).ToArray(), Bias = b };
    }
}
