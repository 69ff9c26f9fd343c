using System.Numerics.Tensors;
using QaBot.Core.Meaning;

namespace QaBot.Core.Training;

/// <summary>
/// Fits an <see cref="MlpModel"/> by minibatch Adam on standardised vectors, classes weighed
/// equally, with weight decay and few passes (the network overfits long before it converges).
/// A fixed seed makes the same data give the same model.
/// </summary>
internal static class MlpTraining
{
    public static MlpModel Fit(IReadOnlyList<string> labels, IReadOnlyList<float[]> vectors, IReadOnlyList<int> y,
        int hidden = 128, int epochs = 15, float learningRate = 0.001f, float decay = 1e-4f, int batch = 32, int seed = 1, IReadOnlyList<string>? features = null)
    {
        var random = new Random(seed);
        int n = vectors.Count, d = vectors[0].Length, k = labels.Count;
        var mean = Enumerable.Range(0, d).Select(j => (float)vectors.Average(x => x[j])).ToArray();
        var scale = Enumerable.Range(0, d).Select(j => (float)Math.Sqrt(vectors.Average(x => (x[j] - mean[j]) * (x[j] - mean[j]))) + 1e-6f).ToArray();
        var z = vectors.Select(v => v.Select((x, j) => (x - mean[j]) / scale[j]).ToArray()).ToArray();
        float Initial(int fanIn) => (float)(random.NextDouble() * 2 - 1) * MathF.Sqrt(6f / fanIn);
        var model = new MlpModel
        {
            Labels = labels, Features = features, Mean = mean, Scale = scale,
            Hidden = Rows(hidden, d, () => Initial(d)), HiddenBias = new float[hidden],
            Output = Rows(k, hidden, () => Initial(hidden)), OutputBias = new float[k],
        };
        var counts = new double[k];
        foreach (var label in y) counts[label]++;
        var classWeight = counts.Select(c => (float)(n / (k * Math.Max(c, 1)))).ToArray();
        var parameters = new[] { model.Hidden.Append(model.HiddenBias), model.Output.Append(model.OutputBias) }.SelectMany(p => p).ToArray();
        var adam = parameters.Select(p => (M: new float[p.Length], V: new float[p.Length])).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < n; start += batch)
            {
                var gradients = parameters.Select(p => new float[p.Length]).ToArray();
                var size = Math.Min(batch, n - start);
                for (var b = 0; b < size; b++) Accumulate(model, z[order[start + b]], y[order[start + b]], classWeight[y[order[start + b]]] / size, gradients);
                step++;
                float c1 = 1 - MathF.Pow(0.9f, step), c2 = 1 - MathF.Pow(0.999f, step);
                for (var p = 0; p < parameters.Length; p++)
                {
                    // Weight rows decay; bias vectors (the last of each layer) do not.
                    var decays = p != hidden && p != parameters.Length - 1;
                    var (w, g, m, v) = (parameters[p], gradients[p], adam[p].M, adam[p].V);
                    for (var q = 0; q < w.Length; q++)
                    {
                        var gq = g[q] + (decays ? decay * w[q] : 0);
                        m[q] = 0.9f * m[q] + 0.1f * gq;
                        v[q] = 0.999f * v[q] + 0.001f * gq * gq;
                        w[q] -= learningRate * (m[q] / c1) / (MathF.Sqrt(v[q] / c2) + 1e-8f);
                    }
                }
            }
        }
        return model;
    }

    /// <summary>Adds one example's gradient (weighed) into the gradients, laid out as the parameters are.</summary>
    private static void Accumulate(MlpModel model, float[] x, int label, float weight, float[][] gradients)
    {
        int hidden = model.Hidden.Length, k = model.Labels.Count;
        var h = model.Activate(x);
        var logits = new double[k];
        for (var c = 0; c < k; c++) logits[c] = TensorPrimitives.Dot(model.Output[c], h) + model.OutputBias[c];
        var p = LinearModel.Softmax(logits);
        var dh = new float[hidden];
        for (var c = 0; c < k; c++)
        {
            var g = (float)(p[c] - (label == c ? 1 : 0)) * weight;
            gradients[hidden + 1 + k][c] += g;
            TensorPrimitives.MultiplyAdd(h, g, gradients[hidden + 1 + c], gradients[hidden + 1 + c]);
            TensorPrimitives.MultiplyAdd(model.Output[c], g, dh, dh);
        }
        for (var j = 0; j < hidden; j++)
        {
            if (h[j] <= 0) continue;
            gradients[hidden][j] += dh[j];
            TensorPrimitives.MultiplyAdd(x, dh[j], gradients[j], gradients[j]);
        }
    }

    private static float[][] Rows(int rows, int columns, Func<float> initial) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => initial()).ToArray()).ToArray();
}
