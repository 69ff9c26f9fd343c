using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;
using QaBot.Core.Training;

namespace QaBot.Core.Tests;

/// <summary>
/// <c>qabot train</c>'s core on a small slice of the training data: it cross-validates, writes a
/// parameters file that reads back and answers, and refuses malformed question files by name.
/// </summary>
public sealed class TrainingTests
{
    private static string Slice(string file, int take)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TestCorpus.Root, "training", "questions", file)))!;
        var questions = json["questions"]!.AsArray().Select(q => q!.DeepClone()).ToList();
        // Every fifth question, so the slice has every kind the file has.
        var slice = new JsonArray(questions.Where((_, i) => i % 5 == 0).Take(take).ToArray());
        var path = Path.Combine(TestCorpus.NewTempFolder(), file);
        File.WriteAllText(path, new JsonObject { ["questions"] = slice }.ToJsonString());
        return path;
    }

    [Fact]
    public async Task TrainingOnASliceCrossValidatesAndWritesParametersThatAnswer()
    {
        using var services = TestCorpus.Services();
        var output = Path.Combine(TestCorpus.NewTempFolder(), "understanding.json");
        var trainer = new ModelTrainer(services.GetRequiredService<Embedder>(), services.GetRequiredService<SynonymSource>(),
            services.GetRequiredService<IOptions<AnsweringOptions>>().Value, services.GetRequiredService<IOptions<SafetyOptions>>().Value,
            services.GetRequiredService<EmergencyPatternSource>());
        var files = new[] { ("article-answered.json", 80), ("article-not-found.json", 40), ("emergencies.json", 40), ("emergency-look-alikes.json", 40), ("chitchat.json", 40) }
            .Select(f => (Slice(f.Item1, f.Item2), "article")).ToList();
        var report = new StringWriter();
        var plan = new TrainingPlan(new Dictionary<string, IReadOnlyList<string>> { ["article"] = [TestCorpus.Documents] }, files, [], output, Folds: 2);

        var fitted = await trainer.TrainAsync(plan, report);

        Assert.Contains("Out-of-fold scores", report.ToString());
        Assert.Matches(@"all: answered@1 \d+/\d+", report.ToString());
        var read = FittedParameters.Read(output);
        Assert.Equal(fitted.Model, read.Model);
        Assert.Equal(80, read.Bank.Vectors.Count);
        using var answering = TestCorpus.Services(settings: new Dictionary<string, string?> { ["Understanding:ParametersPath"] = output });
        Assert.Equal("model", answering.GetRequiredService<UnderstandingSource>().Mode);
        var reply = await TestCorpus.Answerer(answering).AnswerAsync("does kratom make your hair fall out");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains("hair", reply.Quotes[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AQuestionFileWithAnUnknownExpectationIsRefusedByName()
    {
        var path = Path.Combine(TestCorpus.NewTempFolder(), "bad.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { questions = new object[] { new { question = "hi", expect = "chitchat" }, new { question = "is kratom legal", expect = "maybe" } } }));
        var error = Assert.Throws<InvalidDataException>(() => TrainingSet.Load(path, "article"));
        Assert.Contains("bad.json, question 2", error.Message);
    }

    [Fact]
    public void AnAnsweredQuestionWithoutGoldIsRefused()
    {
        var path = Path.Combine(TestCorpus.NewTempFolder(), "bad.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { questions = new object[] { new { question = "what is kratom", expect = "answered" } } }));
        Assert.Contains("needs gold sentences", Assert.Throws<InvalidDataException>(() => TrainingSet.Load(path, "article")).Message);
    }
}
