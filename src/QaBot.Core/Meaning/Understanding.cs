using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>What the intent model reads in a question.</summary>
/// <param name="Label">The most likely label: "question", "emergency" or a kind of small talk.</param>
/// <param name="Emergency">The probability that someone is in danger now.</param>
internal sealed record IntentReading(string Label, double Emergency);

/// <summary>
/// The fitted models at work: the intent of a question, the ranking of its evidence, and whether
/// the documents answer it. Built from one <see cref="FittedParameters"/>; holds no rules.
/// </summary>
internal sealed class Understanding
{
    public Understanding(FittedParameters parameters)
    {
        Parameters = parameters;
        Banks = parameters.ReadBanks();
        Retriever = new HybridRetriever(parameters.Ranker, Banks);
        _emergency = parameters.Intent.Labels.ToList().IndexOf(IntentLabels.Emergency);
    }

    private readonly int _emergency;

    public FittedParameters Parameters { get; }

    public Banks Banks { get; }

    public HybridRetriever Retriever { get; }

    /// <summary>Emergency, question, or (when small talk is the likeliest) the kind of small talk.</summary>
    public IntentReading ReadIntent(QuestionMeaning meaning, string text)
    {
        var p = Parameters.Intent.Probabilities(meaning.Vector);
        var words = Parameters.IntentWords.Probabilities(text);
        for (var i = 0; i < p.Length; i++) p[i] = (p[i] + words[i]) / 2;
        var label = Parameters.Intent.Labels[ArgMax(p)];
        if (label != IntentLabels.Question && label != IntentLabels.Emergency)
            label = Parameters.SmallTalk.Labels[ArgMax(Parameters.SmallTalk.Probabilities(IntentFeatures.Of(meaning)))];
        return new IntentReading(label, p[_emergency]);
    }

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>The sides of the question, when the bank knows it is answered two ways.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Sides(QuestionMeaning meaning) =>
        Banks.Answered.SidesNear(Banks.Answered.Similarities(meaning.Vector));

    /// <summary>The probability that the ranked evidence answers the question.</summary>
    public double Answerable(IReadOnlyList<Candidate> ranked, Answering.ParsedQuestion question) =>
        Parameters.Answerability.Probabilities(AnswerabilityFeatures.Of(ranked, question, Banks, LeftOut.None))[Parameters.Answerability.IndexOf(AnswerabilityLabels.Answered)];
}

/// <summary>The kind of small talk is read from the question's vector and nothing else.</summary>
internal static class IntentFeatures
{
    public static IReadOnlyList<string> NamesFor(int dimensions) => Enumerable.Range(0, dimensions).Select(i => "v" + i).ToList();

    public static double[] Of(QuestionMeaning meaning) => meaning.Vector.Select(x => (double)x).ToArray();
}

/// <summary>The answerability model's labels.</summary>
internal static class AnswerabilityLabels
{
    public const string Answered = "answered";
    public const string NotFound = "not_found";
}
