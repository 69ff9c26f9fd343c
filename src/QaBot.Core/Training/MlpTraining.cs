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
        var (meanD, scaleD) = Standardization.Of(vectors.Select(v => v.Select(x => (double)x).ToArray()).ToList(), d);
        var (mean, scale) = (meanD.Select(x => (float)x).ToArray(), scaleD.Select(x => (float)x).ToArray());
        var z = vectors.Select(v => v.Select((x, j) => (x - mean[j]) / scale[j]).ToArray()).ToArray();
        float Initial(int fanIn) => (float)(random.NextDouble() * 2 - 1) * MathF.Sqrt(6f / fanIn);
        var model = new MlpModel
        {
            Labels = labels, Features = features, Mean = mean, Scale = scale,
            Hidden = Rows(hidden, d, () => Initial(d)), HiddenBias = new float[hidden],
            Output = Rows(k, hidden, () => Initial(hidden)), OutputBias = new float[k],
        };
        var classWeight = ClassWeights.Of(y, k);
        // Weight rows decay; the bias vectors (the last array of each layer) do not.
        var parameters = new[] { model.Hidden.Append(model.HiddenBias), model.Output.Append(model.OutputBias) }.SelectMany(p => p).ToArray();
        var adam = parameters.Select((p, i) => new Adam(p.Length, learningRate, i == hidden || i == parameters.Length - 1 ? 0 : decay)).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < n; start += batch)
            {
                var gradients = parameters.Select(p => new float[p.Length]).ToArray();
                var size = Math.Min(batch, n - start);
                for (var b = 0; b < size; b++)
                {
                    var i = order[start + b];
                    Accumulate(model, z[i], y[i], (float)(classWeight[i] * n / size), gradients);
                }
                for (var p = 0; p < parameters.Length; p++) adam[p].Step(parameters[p], gradients[p]);
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
