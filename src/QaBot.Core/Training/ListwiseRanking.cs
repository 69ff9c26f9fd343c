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
        var (mean, scale) = Standardization.Of(questions.SelectMany(q => q.Candidates).ToList(), d);
        var groups = questions.Where(q => q.Gold.Any(g => g) && q.Gold.Any(g => !g))
            .Select(q => (Z: q.Candidates.Select(r => Standardization.Apply(r, mean, scale)).ToArray(), q.Gold))
            .ToList();
        var w = new double[d];
        var adam = new Adam(d, learningRate, l2);
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
            adam.Step(w, g);
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
