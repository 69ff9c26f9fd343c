using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    private sealed class AiServicesValidation : IValidateOptions<AiServicesOptions>
    {
        public ValidateOptionsResult Validate(string? name, AiServicesOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
