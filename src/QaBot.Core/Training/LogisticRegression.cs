using QaBot.Core.Meaning;

namespace QaBot.Core.Training;

/// <summary>
/// Fits a <see cref="LinearModel"/>: L2-regularised softmax regression by full-batch gradient
/// descent with Adam, on standardised features. Deterministic: the same data gives the same model.
/// </summary>
internal static class LogisticRegression
{
    public static LinearModel Fit(IReadOnlyList<string> labels, IReadOnlyList<string> features, IReadOnlyList<double[]> x, IReadOnlyList<int> y,
        double l2 = 1e-3, int iterations = 400, double learningRate = 0.05, IReadOnlyList<double>? sampleWeights = null)
    {
        var n = x.Count;
        var d = features.Count;
        var k = labels.Count;
        if (n == 0) throw new InvalidOperationException("No training examples.");
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            var variance = x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }
        var z = x.Select(r => Enumerable.Range(0, d).Select(j => (r[j] - mean[j]) / scale[j]).ToArray()).ToArray();
        // Classes weighed so each counts as much in total (a rare label is not drowned out), times any sample weight.
        var counts = new double[k];
        for (var i = 0; i < n; i++) counts[y[i]] += sampleWeights?[i] ?? 1;
        var weight = Enumerable.Range(0, n).Select(i => (sampleWeights?[i] ?? 1) * n / (k * Math.Max(counts[y[i]], 1e-9))).ToArray();
        var totalWeight = weight.Sum();

        var w = new double[k][];
        for (var c = 0; c < k; c++) w[c] = new double[d];
        var b = new double[k];
        var (mw, vw) = (Zeros(k, d), Zeros(k, d));
        var (mb, vb) = (new double[k], new double[k]);
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var logits = new double[k];
        for (var t = 1; t <= iterations; t++)
        {
            var gw = Zeros(k, d);
            var gb = new double[k];
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    var s = b[c];
                    var wc = w[c];
                    var zi = z[i];
                    for (var j = 0; j < d; j++) s += wc[j] * zi[j];
                    logits[c] = s;
                }
                var p = LinearModel.Softmax(logits);
                for (var c = 0; c < k; c++)
                {
                    var g = (p[c] - (y[i] == c ? 1 : 0)) * weight[i] / totalWeight;
                    if (g == 0) continue;
                    gb[c] += g;
                    var gwc = gw[c];
                    var zi = z[i];
                    for (var j = 0; j < d; j++) gwc[j] += g * zi[j];
                }
            }
            var correction1 = 1 - Math.Pow(beta1, t);
            var correction2 = 1 - Math.Pow(beta2, t);
            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < d; j++)
                {
                    var g = gw[c][j] + l2 * w[c][j];
                    mw[c][j] = beta1 * mw[c][j] + (1 - beta1) * g;
                    vw[c][j] = beta2 * vw[c][j] + (1 - beta2) * g * g;
                    w[c][j] -= learningRate * (mw[c][j] / correction1) / (Math.Sqrt(vw[c][j] / correction2) + eps);
                }
                mb[c] = beta1 * mb[c] + (1 - beta1) * gb[c];
                vb[c] = beta2 * vb[c] + (1 - beta2) * gb[c] * gb[c];
                b[c] -= learningRate * (mb[c] / correction1) / (Math.Sqrt(vb[c] / correction2) + eps);
            }
        }
        return new LinearModel { Labels = labels.ToList(), Features = features.ToList(), Mean = mean, Scale = scale, Weights = w, Bias = b };
    }

    private static double[][] Zeros(int rows, int columns) => Enumerable.Range(0, rows).Select(_ => new double[columns]).ToArray();
}
