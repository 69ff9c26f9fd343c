namespace QaBot.Core.Training;

/// <summary>
/// Adam's update for one array of weights (each fitter keeps one per array it fits), with optional
/// weight decay added to the gradient. The same data and order give the same weights.
/// </summary>
internal sealed class Adam(int size, double learningRate, double decay = 0)
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    private readonly double[] _m = new double[size];
    private readonly double[] _v = new double[size];
    private int _step;

    public void Step(double[] weights, double[] gradient)
    {
        var (c1, c2) = Corrections();
        for (var i = 0; i < weights.Length; i++) weights[i] -= Delta(i, gradient[i] + decay * weights[i], c1, c2);
    }

    public void Step(float[] weights, float[] gradient)
    {
        var (c1, c2) = Corrections();
        for (var i = 0; i < weights.Length; i++) weights[i] -= (float)Delta(i, gradient[i] + decay * weights[i], c1, c2);
    }

    private (double, double) Corrections()
    {
        _step++;
        return (1 - Math.Pow(Beta1, _step), 1 - Math.Pow(Beta2, _step));
    }

    private double Delta(int i, double g, double c1, double c2)
    {
        _m[i] = Beta1 * _m[i] + (1 - Beta1) * g;
        _v[i] = Beta2 * _v[i] + (1 - Beta2) * g * g;
        return learningRate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + Epsilon);
    }
}

/// <summary>Each feature's mean and spread over the training rows: features are standardised with them, in training and in use.</summary>
internal static class Standardization
{
    public static (double[] Mean, double[] Scale) Of(IReadOnlyList<double[]> rows, int features)
    {
        var mean = new double[features];
        var scale = new double[features];
        for (var j = 0; j < features; j++)
        {
            mean[j] = rows.Average(r => r[j]);
            var variance = rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }
        return (mean, scale);
    }

    public static double[] Apply(double[] row, double[] mean, double[] scale) =>
        row.Select((x, j) => (x - mean[j]) / scale[j]).ToArray();
}
