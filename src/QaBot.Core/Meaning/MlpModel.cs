using System.Numerics.Tensors;

namespace QaBot.Core.Meaning;

/// <summary>
/// A small neural network over a question's vector (one hidden layer of rectified units, then a
/// softmax): it draws the curved boundaries a linear model cannot, such as "not breathing" now
/// against "not breathing" in a story about last year. Its weights come from <c>qabot train</c>.
/// </summary>
public sealed class MlpModel
{
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The input's features by name, when they are named features rather than a vector.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    public required float[] Mean { get; init; }
    public required float[] Scale { get; init; }
    /// <summary>One row per hidden unit.</summary>
    public required float[][] Hidden { get; init; }
    public required float[] HiddenBias { get; init; }
    /// <summary>One row per label.</summary>
    public required float[][] Output { get; init; }
    public required float[] OutputBias { get; init; }

    public double[] Probabilities(double[] features) => Probabilities(features.Select(x => (float)x).ToArray());

    public int IndexOf(string label) => Labels.ToList().IndexOf(label) is var i and >= 0 ? i : throw new InvalidDataException($"The fitted model has no label '{label}'.");

    public double[] Probabilities(ReadOnlySpan<float> vector)
    {
        var x = new float[Mean.Length];
        for (var i = 0; i < x.Length; i++) x[i] = (vector[i] - Mean[i]) / Scale[i];
        var h = Activate(x);
        var logits = new double[Labels.Count];
        for (var k = 0; k < logits.Length; k++) logits[k] = TensorPrimitives.Dot(Output[k], h) + OutputBias[k];
        return LinearModel.Softmax(logits);
    }

    /// <summary>The hidden layer's output for a standardised input.</summary>
    internal float[] Activate(float[] x)
    {
        var h = new float[Hidden.Length];
        for (var j = 0; j < h.Length; j++) h[j] = Math.Max(0, TensorPrimitives.Dot(Hidden[j], x) + HiddenBias[j]);
        return h;
    }

    public void Check(string name, IReadOnlyList<string> features)
    {
        if (Features is null || !Features.SequenceEqual(features))
            throw new InvalidDataException($"The fitted {name} model expects features [{string.Join(", ", Features ?? [])}] but the code computes [{string.Join(", ", features)}]: run `qabot train`.");
        Check(name, features.Count);
    }

    public void Check(string name, int dimensions)
    {
        if (Mean.Length != dimensions || Scale.Length != dimensions || Scale.Any(s => !(s > 0)) || Hidden.Any(r => r.Length != dimensions)
            || HiddenBias.Length != Hidden.Length || Output.Length != Labels.Count || Output.Any(r => r.Length != Hidden.Length) || OutputBias.Length != Labels.Count)
            throw new InvalidDataException($"The fitted {name} model is malformed or for vectors of another size: run `qabot train`.");
    }
}
