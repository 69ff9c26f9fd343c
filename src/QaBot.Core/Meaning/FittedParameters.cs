using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Core.Meaning;

/// <summary>
/// Everything <c>qabot train</c> learns, in one data file (index/understanding.json): the intent
/// classifier over question vectors, the evidence ranker, the answerability model with its
/// thresholds, and the bank of example questions. It is valid for one embedding model only and
/// fails loudly when malformed; no number in it is ever edited by hand.
/// </summary>
public sealed record FittedParameters
{
    public const int Format = 1;

    public int Version { get; init; } = Format;

    /// <summary>The embedding model the vectors and weights belong to.</summary>
    public required string Model { get; init; }

    /// <summary>When and from what it was fitted, for reports.</summary>
    public required string TrainedOn { get; init; }

    /// <summary>Emergency, small talk or a question, from the question's vector.</summary>
    public required MlpModel Intent { get; init; }

    /// <summary>The same labels from the message's words and letter groups; the intent is the mean of both models.</summary>
    public required NgramModel IntentWords { get; init; }

    /// <summary>Which kind of small talk (greeting, thanks, goodbye...), from the question's vector.</summary>
    public required LinearModel SmallTalk { get; init; }

    /// <summary>At or above this probability of an emergency, the reply is the emergency guidance alone.</summary>
    public required double EmergencyThreshold { get; init; }

    /// <summary>At or above this (and below <see cref="EmergencyThreshold"/>) the guidance comes first and the question is answered below it.</summary>
    public required double EmergencyUnsureThreshold { get; init; }

    /// <summary>Whether a sentence answers the question, from <see cref="EvidenceFeatures"/>.</summary>
    public required LinearModel Ranker { get; init; }

    /// <summary>Whether the documents answer the question at all, from <see cref="AnswerabilityFeatures"/>.</summary>
    public required MlpModel Answerability { get; init; }

    /// <summary>Below this probability the reply is not_found.</summary>
    public required double AnswerThreshold { get; init; }

    /// <summary>A sentence is quoted after the first only when the ranker gives it at least this share of the first's probability.</summary>
    public required double QuoteShare { get; init; }

    /// <summary>Example questions the documents answer (vectors as signed bytes, base64) and the sentences that answer each.</summary>
    public required BankData Bank { get; init; }

    /// <summary>Example questions the documents do not answer, and the sentences nearest each in meaning.</summary>
    public required BankData Unanswered { get; init; }

    /// <param name="Sides">Per example, the sentences of each side where the documents answer it two ways (null otherwise); null for a bank without sides.</param>
    public sealed record BankData(IReadOnlyList<string> Vectors, IReadOnlyList<IReadOnlyList<string>> Sentences, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>?>? Sides = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads and checks the file; a missing member, a wrong shape or a feature list the code does not compute is an error.</summary>
    public static FittedParameters Read(string path)
    {
        FittedParameters? parameters;
        try { parameters = JsonSerializer.Deserialize<FittedParameters>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid fitted parameters: {e.Message}", e); }
        if (parameters is null) throw new InvalidDataException($"{path} is empty.");
        parameters.Check(path);
        return parameters;
    }

    private void Check(string path)
    {
        if (Version != Format) throw new InvalidDataException($"{path} has format {Version}; this build reads format {Format}: run `qabot train`.");
        Intent.Check("intent", SmallTalk.Features.Count);
        SmallTalk.Check("small talk", SmallTalk.Features);
        IntentWords.Check("intent words");
        if (!IntentWords.Labels.SequenceEqual(Intent.Labels)) throw new InvalidDataException($"{path}: the two intent models have different labels.");
        if (!Intent.Labels.Contains(IntentLabels.Emergency) || !Intent.Labels.Contains(IntentLabels.Question))
            throw new InvalidDataException($"{path}: the intent model lacks the emergency or question label.");
        Ranker.Check("ranker", RankerInput.Names);
        Answerability.Check("answerability", AnswerabilityFeatures.Names);
        foreach (var t in new[] { EmergencyThreshold, EmergencyUnsureThreshold, AnswerThreshold, QuoteShare })
            if (t is < 0 or > 1 || double.IsNaN(t)) throw new InvalidDataException($"{path}: a threshold is outside 0..1.");
        if (EmergencyUnsureThreshold > EmergencyThreshold) throw new InvalidDataException($"{path}: the unsure emergency threshold is above the sure one.");
        foreach (var bank in new[] { Bank, Unanswered })
            if (bank.Vectors.Count != bank.Sentences.Count || (bank.Sides is not null && bank.Sides.Count != bank.Sentences.Count)) throw new InvalidDataException($"{path}: a bank has {bank.Vectors.Count} vectors for {bank.Sentences.Count} lists of sentences.");
    }

    /// <summary>The banks as vectors.</summary>
    internal Banks ReadBanks() => new(Read(Bank), Read(Unanswered));

    private static QuestionBank Read(BankData bank) => new(bank.Vectors.Select(Unpack).ToArray(), bank.Sentences, bank.Sides);

    internal static BankData Write(QuestionBank bank) =>
        new(bank.ExampleVectors.Select(Pack).ToList(), bank.Sentences, bank.Sides.Any(s => s is not null) ? bank.Sides : null);

    /// <summary>A vector as signed bytes scaled to its largest component: a quarter of the size; unpacking normalises it again.</summary>
    internal static string Pack(float[] vector)
    {
        var max = Math.Max(vector.Max(MathF.Abs), 1e-12f);
        return Convert.ToBase64String(vector.Select(x => unchecked((byte)(sbyte)MathF.Round(x / max * 127))).ToArray());
    }

    internal static float[] Unpack(string packed) =>
        Vectors.Normalized(Convert.FromBase64String(packed).Select(b => unchecked((sbyte)b) / 127f).ToArray());
}

/// <summary>The intent model's labels.</summary>
public static class IntentLabels
{
    public const string Question = "question";
    public const string Emergency = "emergency";
}
