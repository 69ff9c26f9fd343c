using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>Registers the optional model composer; every host calls this after <c>AddQaBotCore</c>.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Reads the "AIServices" section. Empty (no model id): only an <see cref="IModelHealth"/> that
    /// says so, and answers stay extractive. Configured: the kernel, the model's
    /// <see cref="IDraftComposer"/> and a health check. Settings that cannot work (an unknown
    /// provider, a missing key or endpoint) stop the start-up with an error saying what to fix.
    /// </summary>
    public static IServiceCollection AddQaBotModel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AiServicesOptions.Section).Get<AiServicesOptions>() ?? new AiServicesOptions();
        var problems = options.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("The model settings cannot be used: " + string.Join(" ", problems));
        if (!options.IsConfigured)
        {
            services.TryAddSingleton<IModelHealth, NoModelHealth>();
            return services;
        }
        services.AddSingleton(options);
        services.AddSingleton(sp => new ModelKernel(options, sp.GetRequiredService<IPassageSearch>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IDraftComposer, ModelDraftComposer>();
        services.AddSingleton<IModelHealth, ModelHealth>();
        return services;
    }
}
