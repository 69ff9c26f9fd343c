using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Web.Api;
using QaBot.Web.Bot;
using QaBot.Web.DirectLine;
using QaBot.Web.Store;

namespace QaBot.Web.Hosting;

/// <summary>The web host's registrations and endpoints, in the order Program.cs reads them.</summary>
public static class WebExtensions
{
    /// <summary>The CORS policy for the endpoints another site's embedded chat calls.</summary>
    public const string EmbedPolicy = "embed";

    /// <summary>
    /// The one configuration file, the root appsettings.json, as the lowest layer: environment
    /// variables and --command-line settings still override it.
    /// </summary>
    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder, string root)
    {
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(root),
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
        });
        return builder;
    }

    /// <summary>Options, JSON conventions, problem details and CORS.</summary>
    public static IServiceCollection AddQaBotWebOptions(this IServiceCollection services)
    {
        services.AddOptions<BotCredentialsOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options));
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.TokenSigningKey.Length is 0 or >= 32, "DirectLine:TokenSigningKey must be empty or at least 32 characters.")
            .ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.Section);
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        services.AddQaBotRateLimiting();

        services.ConfigureHttpJsonOptions(o => ReplyJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddPolicy(EmbedPolicy, policy => policy
                .WithOrigins([.. settings.Value.AllowedOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders([.. CorsSettings.WebChatRequestHeaders])
                .WithExposedHeaders([.. CorsSettings.WebChatResponseHeaders])
                // Every Direct Line call carries Authorization, so each would be preflighted: cache the answer.
                .SetPreflightMaxAge(settings.Value.PreflightMaxAge)));
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<IndexWarmup>();
        services.AddHostedService<IndexWatcher>();
        return services;
    }

    /// <summary>The bot: CloudAdapter, conversation state in the conversation store, and the activity handler.</summary>
    public static IServiceCollection AddQaBotBot(this IServiceCollection services)
    {
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var credentials = sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [nameof(credentials.MicrosoftAppId)] = credentials.MicrosoftAppId,
                [nameof(credentials.MicrosoftAppPassword)] = credentials.MicrosoftAppPassword,
                [nameof(credentials.MicrosoftAppTenantId)] = credentials.MicrosoftAppTenantId,
                [nameof(credentials.MicrosoftAppType)] = credentials.MicrosoftAppType,
            }).Build();
            var log = sp.GetRequiredService<ILogger<QaBotAdapter>>();
            return new RefusingAuthentication(new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: sp.GetRequiredService<ConnectorHttp>(), logger: log), log);
        });
        services.AddSingleton<ConnectorHttp>();
        // The bot's conversation state lives in the conversation store (IStorage), with the Direct Line's conversations.
        services.AddQaBotStore();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<QaBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<QaBotAdapter>());
        services.AddSingleton<Suggestions>();
        services.AddTransient<IBot, ArticleBot>();
        return services;
    }

    /// <summary>The built-in Direct Line: tokens and the channel; its conversations are in the conversation store.</summary>
    public static IServiceCollection AddQaBotDirectLine(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTokens>();
        services.AddSingleton<DirectLineChannel>();
        return services;
    }

    /// <summary>Problem details for failures and unreadable bodies, CORS, per-client rate limits, and the static files the page loads.</summary>
    public static WebApplication UseQaBotMiddleware(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = FailureStatus.Of });
        app.UseUnreadableBodyAnswers();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
        return app;
    }

    /// <summary>The Direct Line and /api/ask may be called from the origins in Cors:AllowedOrigins.</summary>
    public static TBuilder AllowEmbedding<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireCors(EmbedPolicy);
}
