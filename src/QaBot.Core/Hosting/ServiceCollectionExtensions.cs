using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
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
        services.AddSingleton<SynonymSource>();
        services.AddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<QaBotPaths>();
            return new IndexStore(
                paths.Resolve(sp.GetRequiredService<IOptions<CorpusOptions>>().Value.DocumentsPath),
                paths.Resolve(sp.GetRequiredService<IOptions<IndexOptions>>().Value.Path),
                sp.GetRequiredService<ILogger<IndexStore>>());
        });
        services.AddSingleton<IPassageSearch, PassageSearch>();
        services.AddSingleton<IQuestionAnswerer, QuestionAnswerer>();
        return services;
    }

    /// <summary>Configuration for hosts without their own: the root appsettings.json, then QABOT_-prefixed environment variables.</summary>
    public static IConfigurationRoot LoadConfiguration(string root) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
        .AddEnvironmentVariables("QABOT_")
        .Build();
}
