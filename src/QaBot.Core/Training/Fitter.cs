using QaBot.Core.Answering;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Training;

/// <summary>Decision thresholds, chosen on out-of-fold predictions rather than fitted with the weights.</summary>
public sealed record Thresholds(double Emergency, double EmergencyUnsure, double Answer, double QuoteShare)
{
    public static readonly Thresholds Initial = new(0.5, 0.5, 0.5, 0.5);
}

/// <summary>
/// Fits every model of <see cref="FittedParameters"/> on prepared examples: intent and kind of
/// small talk from question vectors; the evidence ranker from the candidates of answered
/// questions (a candidate is positive when it is a gold sentence); answerability from the ranked
/// evidence of answered and not-found questions. The bank of examples is the answered ones, and
/// an example never finds itself in it while its own features are computed.
/// </summary>
internal sealed class Fitter(int candidates, IReadOnlySet<string>? maskedFeatures = null)
{
    private const double IntentL2 = 1e-2;
    private const double NgramL2 = 1e-5;
    private const int AnswerHidden = 32;
    private const int AnswerEpochs = 40;
    private const double RankerL2 = 1e-3;

    public FittedParameters Fit(IReadOnlyList<PreparedExample> train, Thresholds thresholds, string model, string trainedOn)
    {
        var (banks, leftOut) = Banks(train);
        var dimensions = train[0].Meaning.Vector.Length;
        var intentFeatures = IntentFeatures.NamesFor(dimensions);
        string[] intentLabels = [IntentLabels.Question, IntentLabels.Emergency, PreparedExample.Chitchat];
        var intentOf = train.Select(e => Array.IndexOf(intentLabels, e.Intent)).ToList();
        var intent = MlpTraining.Fit(intentLabels, train.Select(e => e.Meaning.Vector).ToList(), intentOf);
        var intentWords = NgramRegression.Fit(intentLabels, train.Select(e => e.Question.Text).ToList(), intentOf, NgramL2);

        var talk = train.Where(e => e.Intent == PreparedExample.Chitchat && e.Example.Kind is { Length: > 0 }).ToList();
        var kinds = talk.Select(e => e.Example.Kind!).Distinct().Order(StringComparer.Ordinal).ToList();
        var smallTalk = LogisticRegression.Fit(kinds, intentFeatures,
            talk.Select(e => IntentFeatures.Of(e.Meaning)).ToList(), talk.Select(e => kinds.IndexOf(e.Example.Kind!)).ToList(), IntentL2);

        // Every question the banks know is also seen as if its documents were new (no bank at all),
        // so the ranker and the answerability model learn to do without examples: documents added
        // after training have none.
        var asked = train.Where(e => e.Example.Expect is "answered" or "not_found").ToList();
        var gathered = asked
            .Select(e => (Example: e, Banks: banks, LeftOut: leftOut.GetValueOrDefault(e, LeftOut.None)))
            .Concat(asked.Where(e => e.Corpus.FeedsBank).Select(e => (Example: e, Banks: Meaning.Banks.Empty, LeftOut: LeftOut.None)))
            .Select(g => (g.Example, g.Banks, g.LeftOut, Candidates: Mask(HybridRetriever.Gather(g.Example.Question, g.Example.Corpus.Snapshot, candidates, g.Banks, g.LeftOut))))
            .ToList();
        // The ranker learns from questions as asked: the article's generous gold sets, seen without
        // their bank, would teach it to pick a paragraph rather than the sentence.
        var lists = gathered.Where(g => g.Example.Example.IsAnswered && g.Banks == banks)
            .Select(g => (g.Candidates.Select(c => RankerInput.Of(c.Features!)).ToArray(), g.Candidates.Select(c => Scoring.IsGold(c.Sentence.Text, g.Example.Example.Gold)).ToArray()))
            .ToList();
        var ranker = ListwiseRanking.Fit(RankerInput.Names, lists, RankerL2);

        var answerRows = new List<double[]>();
        var answerLabels = new List<int>();
        foreach (var (e, seenWith, left, found) in gathered)
        {
            answerRows.Add(AnswerabilityFeatures.Of(Rank(ranker, found), e.Question, seenWith, left));
            answerLabels.Add(e.Example.IsAnswered ? 1 : 0);
        }
        var answerability = MlpTraining.Fit([AnswerabilityLabels.NotFound, AnswerabilityLabels.Answered], answerRows.Select(r => r.Select(x => (float)x).ToArray()).ToList(), answerLabels,
            hidden: AnswerHidden, epochs: AnswerEpochs, features: AnswerabilityFeatures.Names);

        return new FittedParameters
        {
            Model = model,
            TrainedOn = trainedOn,
            Intent = intent,
            IntentWords = intentWords,
            SmallTalk = smallTalk,
            EmergencyThreshold = thresholds.Emergency,
            EmergencyUnsureThreshold = Math.Min(thresholds.EmergencyUnsure, thresholds.Emergency),
            Ranker = ranker,
            Answerability = answerability,
            AnswerThreshold = thresholds.Answer,
            QuoteShare = thresholds.QuoteShare,
            Bank = FittedParameters.Write(banks.Answered),
            Unanswered = FittedParameters.Write(banks.Unanswered),
        };
    }

    /// <summary>How many sentences nearest an unanswered question it points at.</summary>
    private const int NearestUnanswered = 3;

    /// <summary>
    /// The banks, from examples asked of corpora the deployment ships (the others stand for
    /// documents added later, which no bank knows), and where each example stands in them.
    /// </summary>
    public static (Banks Banks, Dictionary<PreparedExample, LeftOut> LeftOut) Banks(IReadOnlyList<PreparedExample> train)
    {
        var answered = train.Where(e => e.Corpus.FeedsBank && e.Example.IsAnswered).ToList();
        var unanswered = train.Where(e => e.Corpus.FeedsBank && e.Example.Expect == "not_found").ToList();
        var banks = new Banks(
            new QuestionBank(answered.Select(e => e.Meaning.Vector).ToArray(), answered.Select(e => e.Example.Gold).ToList(), answered.Select(e => e.Example.Sides).ToList()),
            new QuestionBank(unanswered.Select(e => e.Meaning.Vector).ToArray(), unanswered.Select(e => Nearest(e, NearestUnanswered)).ToList()));
        var leftOut = answered.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => new LeftOut(p.i, -1));
        foreach (var (e, i) in unanswered.Select((e, i) => (e, i))) leftOut[e] = new LeftOut(-1, i);
        return (banks, leftOut);
    }

    /// <summary>The sentences of the example's corpus nearest it in meaning.</summary>
    private static IReadOnlyList<string> Nearest(PreparedExample e, int count)
    {
        var vectors = e.Corpus.Snapshot.Vectors!;
        return Enumerable.Range(0, vectors.Sentences.Length)
            .OrderByDescending(i => Vectors.Dot(e.Meaning.Vector, vectors.Sentences[i])).Take(count)
            .Select(i => e.Corpus.Text(vectors.SentenceKeys[i])).ToList();
    }

    /// <summary>Candidates ranked by a ranker, best first, as the hybrid retriever ranks them.</summary>
    public static List<Candidate> Rank(LinearModel ranker, IEnumerable<Candidate> found)
    {
        var label = ranker.IndexOf(HybridRetriever.Answers);
        return found.Select(c => c with { Score = ranker.LogOdds(RankerInput.Of(c.Features!), label) }).OrderByDescending(c => c.Score).ToList();
    }

    /// <summary>For ablations: features left out of training are zero, so the fitted weights ignore them.</summary>
    private List<Candidate> Mask(List<Candidate> found)
    {
        if (maskedFeatures is not { Count: > 0 }) return found;
        var masked = EvidenceFeatures.Names.Select(maskedFeatures.Contains).ToArray();
        return found.Select(c => c with { Features = c.Features!.Select((x, i) => masked[i] ? 0 : x).ToArray() }).ToList();
    }
}
