using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Ai.Tests;

/// <summary>
/// AIServices:Embeddings puts a remote embedding model (any OpenAI-compatible endpoint) in place of
/// the local one: index generations are embedded over real HTTP, and the fitted models, made for
/// the local model, are set aside (answering is lexical) until <c>qabot train</c> fits new ones.
/// </summary>
public sealed class EmbeddingServiceTests
{
    private static Dictionary<string, string?> Remote(FakeModelServer server) => new()
    {
        ["AIServices:Embeddings:Provider"] = "OpenAI",
        ["AIServices:Embeddings:Endpoint"] = server.OpenAIEndpoint,
        ["AIServices:Embeddings:ModelId"] = "fake-embedder",
    };

    [Fact]
    public async Task ARemoteEmbeddingModelEmbedsTheIndexAndTheFittedModelsStepAside()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelServer.CitesWhatItIsGiven);
        using var services = TestCorpus.Services(settings: Remote(server), configure: s => s.AddQaBotModel(ModelHost.ConfigurationOf(s)));
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("fake-embedder", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);

        var reply = await services.AskAsync("Can kratom cause hair loss?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains(server.Embedded, t => t.Contains("Mitragyna speciosa", StringComparison.Ordinal));
        var source = services.GetRequiredService<UnderstandingSource>();
        Assert.Equal("lexical", source.Mode);
        Assert.Contains("run qabot train", source.Status);
        Assert.Equal("fake-embedder", services.GetRequiredService<IndexStore>().Embedder?.ModelId);
    }

    [Theory]
    [InlineData("Provider", "Gemini", "is not known")]
    [InlineData("ModelId", "", "ModelId is required")]
    [InlineData("Endpoint", "ftp://example.org", "is not an http(s) address")]
    public void SettingsThatCannotWorkSayWhatToFix(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AIServices:Embeddings:Provider"] = "OpenAI",
            ["AIServices:Embeddings:Endpoint"] = "http://127.0.0.1:9/v1",
            ["AIServices:Embeddings:ModelId"] = "nomic-embed-text",
        };
        settings["AIServices:Embeddings:" + key] = value;
        using var services = TestCorpus.Services(settings: settings, configure: s => s.AddQaBotModel(ModelHost.ConfigurationOf(s)));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QaBot.Ai.EmbeddingServiceOptions>>().Value);
        Assert.Contains(message, error.Message);
    }
}
