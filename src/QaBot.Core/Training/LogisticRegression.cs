using QaBot.Core.Meaning;

namespace QaBot.Core.Training;

/// <summary>
/// Fits a <see cref="LinearModel"/>: L2-regularised softmax regression by full-batch gradient
/// descent with Adam, on standardised features, classes weighed equally. Deterministic.
/// </summary>
internal static class LogisticRegression
{
    public static LinearModel Fit(IReadOnlyList<string> labels, IReadOnlyList<string> features, IReadOnlyList<double[]> x, IReadOnlyList<int> y,
        double l2 = 1e-3, int iterations = 400, double learningRate = 0.05)
    {
        var n = x.Count;
        var d = features.Count;
        var k = labels.Count;
        if (n == 0) throw new InvalidOperationException("No training examples.");
        var (mean, scale) = Standardization.Of(x, d);
        var z = x.Select(r => Standardization.Apply(r, mean, scale)).ToArray();
        var weight = ClassWeights.Of(y, k);
        var w = Enumerable.Range(0, k).Select(_ => new double[d]).ToArray();
        var b = new double[k];
        var adamW = w.Select(_ => new Adam(d, learningRate, l2)).ToArray();
        var adamB = new Adam(k, learningRate);
        var logits = new double[k];
        for (var t = 1; t <= iterations; t++)
        {
            var gw = Enumerable.Range(0, k).Select(_ => new double[d]).ToArray();
            var gb = new double[k];
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    var s = b[c];
                    for (var j = 0; j < d; j++) s += w[c][j] * z[i][j];
                    logits[c] = s;
                }
                var p = LinearModel.Softmax(logits);
                for (var c = 0; c < k; c++)
                {
                    var g = (p[c] - (y[i] == c ? 1 : 0)) * weight[i];
                    if (g == 0) continue;
                    gb[c] += g;
                    for (var j = 0; j < d; j++) gw[c][j] += g * z[i][j];
                }
            }
            for (var c = 0; c < k; c++) adamW[c].Step(w[c], gw[c]);
            adamB.Step(b, gb);
        }
        return new LinearModel { Labels = labels.ToList(), Features = features.ToList(), Mean = mean, Scale = scale, Weights = w, Bias = b };
    }
}

/// <summary>Per example, the weight that makes each class count as much in total (a rare label is not drowned out); the weights sum to 1.</summary>
internal static class ClassWeights
{
    public static double[] Of(IReadOnlyList<int> y, int classes)
    {
        var counts = new double[classes];
        foreach (var label in y) counts[label]++;
        return y.Select(label => 1.0 / (classes * Math.Max(counts[label], 1))).ToArray();
    }
}
