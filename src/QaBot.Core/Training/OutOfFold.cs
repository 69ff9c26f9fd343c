using QaBot.Core.Answering;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Training;

/// <summary>What a model fitted without an example predicted for it: the raw probabilities thresholds are chosen on.</summary>
internal sealed record Prediction(PreparedExample Example, FittedParameters Parameters, double Emergency, string Intent, double Answerable, IReadOnlyList<Candidate> Ranked);

/// <summary>k-fold cross-validation: folds by a stable hash of the question, each fold predicted by models fitted on the others.</summary>
internal static class OutOfFold
{
    public static int FoldOf(TrainingExample example, int folds) =>
        (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(example.Question))) % (uint)folds);

    public static List<Prediction> Predict(IReadOnlyList<PreparedExample> examples, int folds, Fitter fitter, Thresholds thresholds, string model, int candidates, Action<string> log)
    {
        var predictions = new List<Prediction>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where(e => FoldOf(e.Example, folds) != fold).ToList();
            var test = examples.Where(e => FoldOf(e.Example, folds) == fold).ToList();
            var parameters = fitter.Fit(train, thresholds, model, $"fold {fold + 1} of {folds}");
            var understanding = new Understanding(parameters);
            foreach (var e in test) predictions.Add(PredictOne(understanding, e, candidates));
            log($"  fold {fold + 1}/{folds}: fitted on {train.Count}, predicted {test.Count}");
        }
        return predictions;
    }

    public static Prediction PredictOne(Understanding understanding, PreparedExample e, int candidates)
    {
        var intent = understanding.ReadIntent(e.Meaning, e.Question.Text);
        var ranked = understanding.Retriever.Retrieve(e.Question, e.Corpus.Snapshot, candidates);
        return new Prediction(e, understanding.Parameters, intent.Emergency, intent.Label, understanding.Answerable(ranked, e.Question), ranked);
    }
}
