using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>
/// The Semantic Kernel, built once: the configured chat service, the article search as a plugin,
/// a limit on searches, and the compose prompt read from <c>Prompts/compose.txt</c>.
/// </summary>
public sealed class ModelKernel
{
    private const string PromptResource = "QaBot.Ai.Prompts.compose.txt";

    public ModelKernel(AiServicesOptions options, IPassageSearch search, ILoggerFactory hostLoggers)
    {
        var loggers = new KernelLoggers(hostLoggers);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<ILoggerFactory>(loggers);
        if (options.IsAzure)
            builder.AddAzureOpenAIChatCompletion(options.ModelId.Trim(), new AzureOpenAIClient(options.EndpointUri!, new ApiKeyCredential(options.ApiKey.Trim()),
                Transport(new AzureOpenAIClientOptions(), options)));
        else
            builder.AddOpenAIChatCompletion(options.ModelId.Trim(), new OpenAIClient(
                // Local servers want no key; the client wants one to send, and they ignore it.
                new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey.Trim()),
                Transport(new OpenAIClientOptions { Endpoint = options.EndpointUri }, options)));
        var plugin = KernelPluginFactory.CreateFromObject(new ArticleSearchPlugin(search, loggers.CreateLogger<ArticleSearchPlugin>()), ArticleSearchPlugin.Name, loggers);
        builder.Plugins.Add(plugin);
        Search = plugin["search"];
        Kernel = builder.Build();
        Kernel.AutoFunctionInvocationFilters.Add(new SearchBudgetFilter(loggers.CreateLogger<SearchBudgetFilter>()));
        Compose = KernelFunctionFactory.CreateFromPrompt(new PromptTemplateConfig(Prompt())
        {
            Name = "compose",
            Description = "Chooses the article's sentences that answer a question and writes a short lead-in.",
            InputVariables = [new() { Name = "question" }, new() { Name = "passages" }],
        }, loggerFactory: loggers);
        Settings = new OpenAIPromptExecutionSettings
        {
            Temperature = options.Temperature,
            FunctionChoiceBehavior = options.AllowSearch ? FunctionChoiceBehavior.Auto([Search]) : null,
        };
    }

    public Kernel Kernel { get; }

    /// <summary>The prompt function; not a plugin, so the model is never offered it as a tool.</summary>
    public KernelFunction Compose { get; }

    /// <summary>The one function the model may call.</summary>
    public KernelFunction Search { get; }

    public PromptExecutionSettings Settings { get; }

    /// <summary>The prompt template, as shipped in the assembly.</summary>
    public static string Prompt()
    {
        using var stream = typeof(ModelKernel).Assembly.GetManifestResourceStream(PromptResource)
            ?? throw new InvalidOperationException($"The prompt {PromptResource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// No retries (a person is waiting, and the extractive answer is ready) and the configured
    /// timeout on the network as well as on the whole answer.
    /// </summary>
    private static T Transport<T>(T client, AiServicesOptions options) where T : ClientPipelineOptions
    {
        client.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        client.NetworkTimeout = options.Timeout;
        return client;
    }
}
