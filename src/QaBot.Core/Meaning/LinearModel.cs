namespace QaBot.Core.Meaning;

/// <summary>
/// A fitted multinomial logistic regression: features are standardised with the training data's
/// mean and scale, then each class gets a weighted sum and a softmax. Two classes make the binary case.
/// Its numbers come from <c>qabot train</c>, never from code.
/// </summary>
public sealed class LinearModel
{
    public required IReadOnlyList<string> Labels { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required double[] Mean { get; init; }
    public required double[] Scale { get; init; }
    /// <summary>One row per label, one weight per feature.</summary>
    public required double[][] Weights { get; init; }
    public required double[] Bias { get; init; }

    /// <summary>The probability of each label, in the order of <see cref="Labels"/>.</summary>
    public double[] Probabilities(ReadOnlySpan<double> x)
    {
        var logits = new double[Labels.Count];
        for (var k = 0; k < logits.Length; k++)
        {
            var w = Weights[k];
            var sum = Bias[k];
            for (var j = 0; j < w.Length; j++) sum += w[j] * (x[j] - Mean[j]) / Scale[j];
            logits[k] = sum;
        }
        return Softmax(logits);
    }

    /// <summary>The log-odds of one label against the rest: a score that does not saturate near certainty.</summary>
    public double LogOdds(ReadOnlySpan<double> x, int label)
    {
        var p = Math.Clamp(Probabilities(x)[label], 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }

    /// <summary>The probability of one label.</summary>
    public double Probability(ReadOnlySpan<double> x, string label) => Probabilities(x)[IndexOf(label)];

    public int IndexOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++) if (Labels[i] == label) return i;
        throw new InvalidDataException($"The fitted model has no label '{label}'.");
    }

    /// <summary>Fails loudly when the model cannot be used with these features.</summary>
    public void Check(string name, IReadOnlyList<string> features)
    {
        if (!Features.SequenceEqual(features))
            throw new InvalidDataException($"The fitted {name} model expects features [{string.Join(", ", Features)}] but the code computes [{string.Join(", ", features)}]: run `qabot train`.");
        if (Mean.Length != features.Count || Scale.Length != features.Count || Weights.Length != Labels.Count || Bias.Length != Labels.Count
            || Weights.Any(w => w.Length != features.Count) || Scale.Any(s => !(s > 0)) || Weights.Any(w => w.Any(double.IsNaN)))
            throw new InvalidDataException($"The fitted {name} model is malformed: run `qabot train`.");
    }

    internal static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++) sum += logits[i] = Math.Exp(logits[i] - max);
        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
        return logits;
    }
}
