using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Tests;

/// <summary>
/// The embedding model and the fitted models: in use by default, switched off by one setting,
/// set aside (answering lexically, and saying why) when their parameters are missing or belong to
/// another model, and refused with a clear message when malformed.
/// </summary>
public sealed class UnderstandingTests
{
    private static string Parameters => Path.Combine(TestCorpus.Root, "index", "understanding.json");

    [Fact]
    public async Task TheModelReadsQuestionsByDefaultAndOneSettingTurnsItOff()
    {
        using (var services = TestCorpus.Services())
        {
            Assert.Equal("model", services.GetRequiredService<UnderstandingSource>().Mode);
            Assert.Equal(ReplyStatus.Answered, (await TestCorpus.Answerer(services).AnswerAsync("Can kratom cause hair loss?")).Status);
        }
        using (var services = TestCorpus.Services(settings: new Dictionary<string, string?> { ["Understanding:Enabled"] = "false" }))
        {
            var source = services.GetRequiredService<UnderstandingSource>();
            Assert.Equal("lexical", source.Mode);
            Assert.Contains("Enabled is false", source.Status);
            Assert.Null(services.GetRequiredService<IndexStore>().Embedder);
            Assert.Equal(ReplyStatus.Answered, (await TestCorpus.Answerer(services).AnswerAsync("Can kratom cause hair loss?")).Status);
        }
    }

    [Theory]
    [InlineData("missing", "no fitted parameters")]
    [InlineData("truncated", "unusable")]
    [InlineData("other model", "fitted for")]
    public async Task ParametersThatCannotBeUsedLeaveAnsweringLexicalAndSaySo(string damage, string status)
    {
        var path = Path.Combine(TestCorpus.NewTempFolder(), "understanding.json");
        var text = File.ReadAllText(Parameters);
        if (damage == "truncated") File.WriteAllText(path, text[..(text.Length / 2)]);
        if (damage == "other model") File.WriteAllText(path, text.Replace("\"model\": \"all-MiniLM-L6-v2\"", "\"model\": \"nomic-embed-text\"", StringComparison.Ordinal));
        using var services = TestCorpus.Services(settings: new Dictionary<string, string?> { ["Understanding:ParametersPath"] = path });
        var source = services.GetRequiredService<UnderstandingSource>();
        Assert.Equal("lexical", source.Mode);
        Assert.Contains(status, source.Status);
        var reply = await TestCorpus.Answerer(services).AnswerAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
    }

    [Fact]
    public void AParametersFileWhoseModelsDoNotFitTheCodeIsRefusedWithWhatToDo()
    {
        var path = Path.Combine(TestCorpus.NewTempFolder(), "understanding.json");
        File.WriteAllText(path, File.ReadAllText(Parameters).Replace("\"dense@known\"", "\"renamed@known\"", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidDataException>(() => FittedParameters.Read(path));
        Assert.Contains("qabot train", error.Message);
    }

    [Fact]
    public void TheShippedParametersAreForTheShippedModelAndReadBack()
    {
        var parameters = FittedParameters.Read(Parameters);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, parameters.Model);
        Assert.True(parameters.Bank.Vectors.Count > 100);
        Assert.InRange(parameters.EmergencyUnsureThreshold, 0.01, parameters.EmergencyThreshold);
    }

    [Fact]
    public void AMalformedEmergencyPatternStopsWithItsLineNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => EmergencyPatterns.Parse(["# a comment", @"\bnot breathing\b", "(unclosed"], "patterns.txt"));
        Assert.Contains("patterns.txt, line 3", error.Message);
    }

    [Fact]
    public void TheShippedEmergencyPatternsMatchAPersonInDangerAndNotAQuestionAboutDanger()
    {
        var patterns = EmergencyPatterns.Load(Path.Combine(TestCorpus.Root, "index", "emergency-patterns.txt"));
        Assert.True(patterns.Count > 3);
        Assert.True(patterns.Match("my brother is unresponsive after taking kratom"));
        Assert.False(patterns.Match("what should you do if someone is unresponsive"));
    }

    [Fact]
    public void EachGenerationStoresTheModelsVectorsAndAnotherModelMeansAnotherIndex()
    {
        var work = TestCorpus.NewTempFolder();
        var documents = Path.Combine(work, "documents");
        Directory.CreateDirectory(documents);
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(documents, "a.txt"));
        var embedder = new Embedder(new MiniLmEmbeddingGenerator());
        using var store = new IndexStore(documents, Path.Combine(work, "index"), embedder: embedder);
        using var snapshot = store.Acquire();
        Assert.NotNull(snapshot.Vectors);
        Assert.Equal(snapshot.Manifest.Sentences, snapshot.Vectors!.Sentences.Length);
        Assert.All(snapshot.Vectors.Sentences, v => Assert.InRange(Vectors.Dot(v, v), 0.99f, 1.01f));
        Assert.NotEqual(IndexManifest.FingerprintOf(documents), snapshot.Manifest.Fingerprint);
        Assert.Equal(IndexManifest.FingerprintOf(documents, embedder.ModelId), snapshot.Manifest.Fingerprint);
    }
}

/// <summary>The synonym file is checked by Lucene's Solr synonym parser: a malformed rule stops loading with its line.</summary>
public sealed class SynonymFileTests
{
    [Fact]
    public void AMalformedRuleIsRefusedWithItsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Search.Synonyms.Check(["# comment", "hair loss, bald", "a => b => c"], "synonyms.txt"));
        Assert.Contains("synonyms.txt", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void TheShippedFileIsValid() =>
        Search.Synonyms.Check(File.ReadAllLines(Path.Combine(TestCorpus.Root, "index", "synonyms.txt")), "index/synonyms.txt");
}
