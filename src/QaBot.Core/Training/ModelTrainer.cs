using QaBot.Core.Answering;
using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Training;

/// <summary>What to train on and where to write the result.</summary>
/// <param name="Corpora">Each corpus by name, with the document folders it is made of.</param>
/// <param name="Training">Question files and the corpus each is asked of.</param>
/// <param name="HeldOut">Question files never trained on: only scored, with the final model.</param>
/// <param name="Folds">Folds of the cross-validation that reports scores and chooses the thresholds.</param>
/// <param name="Ablations">Also score rules only and the model without lexical evidence or patterns.</param>
/// <param name="ShippedCorpus">The corpus of the documents the deployment ships: only its questions go into the banks.</param>
public sealed record TrainingPlan(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Corpora,
    IReadOnlyList<(string Path, string Corpus)> Training,
    IReadOnlyList<(string Path, string Corpus)> HeldOut,
    string OutputPath,
    int Folds = 5,
    bool Ablations = false,
    string? MissesPath = null,
    string ShippedCorpus = "article");

/// <summary>
/// <c>qabot train</c>: reads the training questions against their corpora, cross-validates (the
/// scores it reports are out-of-fold), chooses thresholds on the out-of-fold predictions, fits the
/// final models on everything, writes the parameters file, and scores held-out files with it.
/// </summary>
public sealed class ModelTrainer(Embedder embedder, SynonymSource synonyms, AnsweringOptions answering, SafetyOptions safety, EmergencyPatternSource patterns)
{
    /// <summary>Features that come from Lucene and the synonym file: left out to measure the model alone.</summary>
    private static readonly HashSet<string> LexicalFeatures = ["lexical", "lucene"];

    public async Task<FittedParameters> TrainAsync(TrainingPlan plan, TextWriter report, CancellationToken cancellationToken = default)
    {
        void Log(string line) => report.WriteLine(line);
        var corpora = plan.Corpora.ToDictionary(c => c.Key, c => new TrainingCorpus(c.Key, c.Value, embedder, c.Key == plan.ShippedCorpus));
        try
        {
            Log($"Embedding model: {embedder.ModelId}. Corpora: {string.Join(", ", corpora.Values.Select(c => $"{c.Name} ({c.Snapshot.Manifest.Documents.Count} documents, {c.Snapshot.Manifest.Sentences} sentences)"))}.");
            var train = await PrepareAsync(plan.Training, corpora, cancellationToken);
            var heldOut = await PrepareAsync(plan.HeldOut, corpora, cancellationToken);
            Log($"Training examples: {train.Count} ({Counts(train)}); held out: {heldOut.Count}.");
            var writer = new ReplyWriter(safety);
            var pipeline = new AnswerPipeline(answering, writer, patterns.Patterns);
            var fitter = new Fitter(answering.Candidates);

            Log($"Cross-validation, {plan.Folds} folds:");
            var predictions = OutOfFold.Predict(train, plan.Folds, fitter, Thresholds.Initial, embedder.ModelId, answering.Candidates, Log);
            var thresholds = ThresholdChooser.Choose(predictions, Log);
            ReportPatterns(predictions, thresholds, Log);
            Log("Out-of-fold scores (model and rules, thresholds chosen on these predictions):");
            var scored = Score(predictions, thresholds, pipeline).ToList();
            Report(scored, Log);

            var trainedOn = $"{DateTimeOffset.UtcNow:yyyy-MM-dd}: {train.Count} examples from {string.Join(", ", plan.Training.Select(f => Path.GetFileName(f.Path)))}";
            var final = fitter.Fit(train, thresholds, embedder.ModelId, trainedOn);
            final.Write(plan.OutputPath);
            Log($"Wrote {plan.OutputPath}.");
            if (heldOut.Count > 0)
            {
                Log("Held-out files, final model:");
                var understanding = new Understanding(final);
                var held = heldOut.Select(e => (e, pipeline.Answer(e.Question, e.Corpus.Snapshot, understanding, 0).Reply)).ToList();
                Report(held, Log);
                scored.AddRange(held);
            }
            if (plan.MissesPath is not null) Misses.Write(plan.MissesPath, scored);
            if (plan.Ablations) Ablate(train, heldOut, plan.Folds, pipeline, Log);
            return final;
        }
        finally
        {
            foreach (var corpus in corpora.Values) corpus.Dispose();
        }
    }

    private async Task<List<PreparedExample>> PrepareAsync(IReadOnlyList<(string Path, string Corpus)> files, Dictionary<string, TrainingCorpus> corpora, CancellationToken cancellationToken)
    {
        var prepared = new List<PreparedExample>();
        foreach (var (path, name) in files)
        {
            if (!corpora.TryGetValue(name, out var corpus)) throw new InvalidDataException($"{path}: no corpus named '{name}'.");
            foreach (var example in TrainingSet.Load(path, name))
            {
                var question = await QuestionReader.ReadAsync(example.Question, corpus.Snapshot, synonyms.Synonyms, answering, embedder, cancellationToken);
                if (question.Meaning is not null) prepared.Add(new PreparedExample(example, question, corpus));
            }
        }
        return prepared;
    }

    /// <summary>Each out-of-fold prediction answered by the real pipeline with the chosen thresholds.</summary>
    private static IEnumerable<(PreparedExample, Reply)> Score(IReadOnlyList<Prediction> predictions, Thresholds t, AnswerPipeline pipeline)
    {
        var understandings = predictions.Select(p => p.Parameters).Distinct().ToDictionary(p => p, p => new Understanding(p with
        {
            EmergencyThreshold = t.Emergency, EmergencyUnsureThreshold = t.EmergencyUnsure, AnswerThreshold = t.Answer, QuoteShare = t.QuoteShare,
        }));
        return predictions.Select(p => (p.Example, pipeline.Answer(p.Example.Question, p.Example.Corpus.Snapshot, understandings[p.Parameters], 0).Reply));
    }

    private static void Report(IEnumerable<(PreparedExample Example, Reply Reply)> replies, Action<string> log)
    {
        var all = new ScoreCard();
        foreach (var group in replies.GroupBy(r => r.Example.Example.Source))
        {
            var card = new ScoreCard();
            foreach (var (e, reply) in group) card.Add(e.Example, reply);
            all.Add(card);
            log($"    {group.Key}: {card}");
        }
        log($"    all: {all}");
    }

    /// <summary>Rules only (the lexical pipeline), the model without lexical evidence or patterns, and both (above).</summary>
    private void Ablate(List<PreparedExample> train, List<PreparedExample> heldOut, int folds, AnswerPipeline pipeline, Action<string> log)
    {
        log("Ablation, rules only (lexical pipeline: triage and small-talk patterns, weighted coverage; nothing fitted):");
        Report(train.Concat(heldOut).Select(e => (e, pipeline.Answer(e.Question, e.Corpus.Snapshot, null, 0).Reply)), log);
        log("Ablation, model only (no Lucene or synonym features, no emergency patterns), out of fold:");
        var modelOnly = new AnswerPipeline(answering, new ReplyWriter(safety), EmergencyPatterns.None);
        var predictions = OutOfFold.Predict(train, folds, new Fitter(answering.Candidates, LexicalFeatures), Thresholds.Initial, embedder.ModelId, answering.Candidates, _ => { });
        var thresholds = ThresholdChooser.Choose(predictions, _ => { });
        Report(Score(predictions, thresholds, modelOnly), log);
    }

    /// <summary>What the emergency patterns add to the models, out of fold: emergencies only they catch, and false alarms only they raise.</summary>
    private void ReportPatterns(IReadOnlyList<Prediction> predictions, Thresholds thresholds, Action<string> log)
    {
        var net = patterns.Patterns;
        var added = predictions.Where(p => p.Emergency < thresholds.EmergencyUnsure && net.Match(p.Example.Question.Text)).ToList();
        var caught = added.Count(p => p.Example.Example.Expect == "emergency");
        log($"  emergency patterns ({net.Count}): catch {caught} emergencies the models miss, add {added.Count - caught} false alarms");
        foreach (var p in added.Where(p => p.Example.Example.Expect != "emergency")) log($"    false alarm: {p.Example.Example.Question}");
    }

    private static string Counts(IEnumerable<PreparedExample> examples) =>
        string.Join(", ", examples.GroupBy(e => e.Example.Expect).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
