namespace QaBot.Core.Training;

/// <summary>
/// Chooses the decision thresholds on out-of-fold predictions. Missing an emergency is the worst
/// failure, so the unsure threshold (guidance first, answer below) keeps recall high while false
/// alarms stay rare; the sure one is where false alarms all but vanish. The answer threshold
/// balances answering what can be answered against saying "not covered" when it cannot.
/// </summary>
internal static class ThresholdChooser
{
    /// <summary>How much one false alarm costs against one missed emergency, when choosing the unsure threshold.</summary>
    private const double FalseAlarmCost = 0.5;

    /// <summary>The most false alarms (as a share of non-emergencies) the sure threshold allows.</summary>
    private const double SureFalseAlarmRate = 0.002;

    /// <summary>
    /// How much a question the documents do not cover, answered anyway, weighs against an
    /// answerable one called "not covered": quoting a sentence about something else to a person
    /// who asked about their own case misleads more than saying plainly the documents are silent.
    /// </summary>
    private const double NotFoundWeight = 1.2;

    private static readonly double[] Grid = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();

    public static Thresholds Choose(IReadOnlyList<Prediction> predictions, Action<string> log)
    {
        var emergencies = predictions.Where(p => p.Example.Example.Expect == "emergency").Select(p => p.Emergency).ToList();
        var others = predictions.Where(p => p.Example.Example.Expect != "emergency").Select(p => p.Emergency).ToList();
        double Recall(double t) => emergencies.Count(p => p >= t) / (double)Math.Max(1, emergencies.Count);
        int FalseAlarms(double t) => others.Count(p => p >= t);
        var unsure = Grid.OrderByDescending(t => Recall(t) * emergencies.Count - FalseAlarmCost * FalseAlarms(t)).ThenByDescending(t => t).First();
        var sure = Grid.Where(t => t >= unsure && FalseAlarms(t) <= SureFalseAlarmRate * others.Count).DefaultIfEmpty(0.99).Min();
        log($"  emergency: unsure {unsure:F2} (recall {Recall(unsure):P1}, false alarms {FalseAlarms(unsure)}/{others.Count}), sure {sure:F2} (recall {Recall(sure):P1}, false alarms {FalseAlarms(sure)})");

        var answered = predictions.Where(p => p.Example.Example.IsAnswered).Select(p => p.Answerable).ToList();
        var notFound = predictions.Where(p => p.Example.Example.Expect == "not_found").Select(p => p.Answerable).ToList();
        double Balanced(double t) => answered.Count(p => p >= t) / (double)Math.Max(1, answered.Count) + NotFoundWeight * notFound.Count(p => p < t) / (double)Math.Max(1, notFound.Count);
        var answer = Grid.OrderByDescending(Balanced).ThenBy(t => Math.Abs(t - 0.5)).First();
        log($"  answer: {answer:F2} (answered kept {answered.Count(p => p >= answer)}/{answered.Count}, not_found kept {notFound.Count(p => p < answer)}/{notFound.Count})");

        var share = ChooseShare(predictions.Where(p => p.Example.Example.IsAnswered && p.Answerable >= answer).ToList());
        log($"  quote share: {share:F2}");
        return new Thresholds(sure, unsure, answer, share);
    }

    /// <summary>The share of the best sentence's probability a further quote needs: most both-sides and answered@3, fewest off-topic extras.</summary>
    private static double ChooseShare(IReadOnlyList<Prediction> answered)
    {
        double Score(double share)
        {
            var total = 0.0;
            foreach (var p in answered)
            {
                var floor = p.Ranked.Count == 0 ? 0 : p.Ranked[0].Score + Math.Log(share);
                var quoted = p.Ranked.Where(c => c.Score >= floor).Take(3).ToList();
                var gold = p.Example.Example.Gold;
                total += quoted.Any(c => Scoring.IsGold(c.Sentence.Text, gold)) ? 1 : 0;
                if (p.Example.Example.Sides is { Count: > 0 } sides && sides.All(s => quoted.Any(c => Scoring.IsGold(c.Sentence.Text, s)))) total += 1;
                total -= 0.1 * quoted.Count(c => !Scoring.IsGold(c.Sentence.Text, gold));
            }
            return total;
        }
        return Grid.Where(t => t >= 0.05).OrderByDescending(Score).ThenByDescending(t => t).First();
    }
}
