using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>Registers the optional model composer; every host calls this after <c>AddQaBotCore</c>.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Reads the "AIServices" section. Without a model id: only an <see cref="IModelHealth"/> that
    /// says so, and answers stay extractive. With one: the kernel, the model's
    /// <see cref="IDraftComposer"/> and a health check. Settings that cannot work (an unknown
    /// provider, a missing key or endpoint) fail validation with a message saying what to fix:
    /// when a host starts, or when the CLI first answers.
    /// </summary>
    public static IServiceCollection AddQaBotModel(this IServiceCollection services, IConfiguration configuration)
    {
        AddEmbeddings(services, configuration);
        var section = configuration.GetSection(AiServicesOptions.Section);
        services.AddOptions<AiServicesOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiServicesOptions>, AiServicesValidation>());
        if (!new AiServicesOptions { ModelId = section[nameof(AiServicesOptions.ModelId)] ?? "" }.IsConfigured)
        {
            services.TryAddSingleton<IModelHealth, NoModelHealth>();
            return services;
        }
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AiServicesOptions>>().Value);
        services.AddSingleton(sp => new ModelKernel(sp.GetRequiredService<AiServicesOptions>(), sp.GetRequiredService<IPassageSearch>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IDraftComposer, ModelDraftComposer>();
        services.AddSingleton<IModelHealth, ModelHealth>();
        return services;
    }

    /// <summary>
    /// A remote embedding model in place of the local one, when "AIServices:Embeddings" names one;
    /// settings that cannot work stop the host at start-up with what to fix.
    /// </summary>
    private static void AddEmbeddings(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmbeddingServiceOptions.Section);
        if (!(section.Get<EmbeddingServiceOptions>() ?? new EmbeddingServiceOptions()).IsRemote) return;
        services.AddOptions<EmbeddingServiceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingServiceOptions>, EmbeddingValidation>());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingServiceOptions>>().Value;
            var model = options.ModelId.Trim();
            var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey.Trim());
            return options.IsAzure
                ? new AzureOpenAIClient(new Uri(options.Endpoint.Trim()), key).GetEmbeddingClient(model).AsIEmbeddingGenerator()
                : new OpenAIClient(key, new OpenAIClientOptions { Endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint.Trim()) })
                    .GetEmbeddingClient(model).AsIEmbeddingGenerator();
        });
    }

    private sealed class EmbeddingValidation : IValidateOptions<EmbeddingServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmbeddingServiceOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private sealed class AiServicesValidation : IValidateOptions<AiServicesOptions>
    {
        public ValidateOptionsResult Validate(string? name, AiServicesOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
