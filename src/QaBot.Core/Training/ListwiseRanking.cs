using QaBot.Core.Meaning;

namespace QaBot.Core.Training;

/// <summary>
/// Fits the evidence ranker listwise: for each question, a softmax over its candidates, and the
/// loss is how little probability lands on the gold sentences. This trains exactly what the first
/// quote needs (the right sentence above the others of the same question), which a pointwise
/// classifier of "answers or not" only approximates. The result is a two-label
/// <see cref="LinearModel"/> whose "answers" probability is the logistic of the same score, so it
/// ranks identically and is read like the other models.
/// </summary>
internal static class ListwiseRanking
{
    public static LinearModel Fit(IReadOnlyList<string> features, IReadOnlyList<(double[][] Candidates, bool[] Gold)> questions,
        double l2 = 1e-3, int iterations = 300, double learningRate = 0.05)
    {
        var d = features.Count;
        var all = questions.SelectMany(q => q.Candidates).ToList();
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = all.Average(r => r[j]);
            var variance = all.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }
        var groups = questions.Where(q => q.Gold.Any(g => g) && q.Gold.Any(g => !g))
            .Select(q => (Z: q.Candidates.Select(r => Enumerable.Range(0, d).Select(j => (r[j] - mean[j]) / scale[j]).ToArray()).ToArray(), q.Gold))
            .ToList();
        var w = new double[d];
        var m = new double[d];
        var v = new double[d];
        for (var t = 1; t <= iterations; t++)
        {
            var g = new double[d];
            foreach (var (z, gold) in groups)
            {
                var s = z.Select(x => Dot(w, x)).ToArray();
                var max = s.Max();
                var e = s.Select(x => Math.Exp(x - max)).ToArray();
                var total = e.Sum();
                var goldTotal = e.Where((_, i) => gold[i]).Sum();
                // d(-log P(gold))/dw = E_all[z] - E_gold[z]
                for (var i = 0; i < z.Length; i++)
                {
                    var coefficient = e[i] / total - (gold[i] ? e[i] / goldTotal : 0);
                    for (var j = 0; j < d; j++) g[j] += coefficient * z[i][j] / groups.Count;
                }
            }
            var c1 = 1 - Math.Pow(0.9, t);
            var c2 = 1 - Math.Pow(0.999, t);
            for (var j = 0; j < d; j++)
            {
                var gj = g[j] + l2 * w[j];
                m[j] = 0.9 * m[j] + 0.1 * gj;
                v[j] = 0.999 * v[j] + 0.001 * gj * gj;
                w[j] -= learningRate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + 1e-8);
            }
        }
        // softmax([-s/2, s/2]) = logistic(s): the same order, read as a probability.
        return new LinearModel
        {
            Labels = ["other", Search.HybridRetriever.Answers], Features = features.ToList(), Mean = mean, Scale = scale,
            Weights = [w.Select(x => -x / 2).ToArray(), w.Select(x => x / 2).ToArray()], Bias = [0, 0],
        };
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
