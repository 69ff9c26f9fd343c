using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QaBot.Core.Answering;
using QaBot.Core.Conversations;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Hosting;

/// <summary>Registers the answering core; every host calls this one method.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds the options sections (validated at start-up), the index store and the one
    /// <see cref="IQuestionAnswerer"/>. Paths are resolved against <paramref name="root"/>.
    /// </summary>
    public static IServiceCollection AddQaBotCore(this IServiceCollection services, string root)
    {
        services.AddSingleton(new QaBotPaths(root));
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SafetyOptions>().BindConfiguration(SafetyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SynonymSource>();
        services.AddSingleton<EmergencyPatternSource>();
        // The local model unless a host registered another generator (AIServices:Embeddings); loaded on first use.
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new MiniLmEmbeddingGenerator(sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value.Threads));
        services.AddSingleton(sp => new Embedder(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp => new UnderstandingSource(sp.GetRequiredService<IOptions<UnderstandingOptions>>(), sp.GetRequiredService<QaBotPaths>(),
            sp.GetRequiredService<Embedder>(), sp.GetRequiredService<ILogger<UnderstandingSource>>()));
        services.AddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<QaBotPaths>();
            return new IndexStore(
                paths.Resolve(sp.GetRequiredService<IOptions<CorpusOptions>>().Value.DocumentsPath),
                paths.Resolve(sp.GetRequiredService<IOptions<IndexOptions>>().Value.Path),
                sp.GetRequiredService<ILogger<IndexStore>>(),
                sp.GetRequiredService<UnderstandingSource>().Embedder);
        });
        services.AddSingleton<IPassageSearch, PassageSearch>();
        services.AddSingleton<AnswerTelemetry>();
        services.AddSingleton<Conversation>();
        services.AddSingleton<IQuestionAnswerer, QuestionAnswerer>();
        return services;
    }

    /// <summary>Configuration for hosts without their own: the root appsettings.json, then QABOT_-prefixed environment variables.</summary>
    public static IConfigurationRoot LoadConfiguration(string root) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
        .AddEnvironmentVariables("QABOT_")
        .Build();
}
