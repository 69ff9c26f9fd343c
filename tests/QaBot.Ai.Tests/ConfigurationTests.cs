using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;

namespace QaBot.Ai.Tests;

/// <summary>The AIServices section: empty changes nothing, settings that cannot work stop the start-up.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestCorpus.Root, "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddQaBotCore(TestCorpus.Root)
            .AddQaBotModel(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task TheShippedSettingsConfigureNoModel()
    {
        using var services = Build(new Dictionary<string, string?>());
        Assert.Null(services.GetService<IDraftComposer>());
        Assert.Equal(new ModelStatus(false, false), await services.GetRequiredService<IModelHealth>().CheckAsync());
    }

    [Fact]
    public void AConfiguredModelRegistersItsComposerAndHealth()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["AIServices:Endpoint"] = "http://127.0.0.1:9/v1",
            ["AIServices:ModelId"] = "llama3.2",
        });
        Assert.IsType<ModelDraftComposer>(services.GetRequiredService<IDraftComposer>());
        Assert.IsType<ModelHealth>(services.GetRequiredService<IModelHealth>());
        var kernel = services.GetRequiredService<ModelKernel>();
        Assert.Equal("article", Assert.Single(kernel.Kernel.Plugins).Name);
        Assert.Contains("{{$passages}}", ModelKernel.Prompt());
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0.7", 0.7)]
    [InlineData("", null)]
    public void AnEmptyTemperatureSendsNone(string setting, double? sent)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["AIServices:Endpoint"] = "http://127.0.0.1:9/v1",
            ["AIServices:ModelId"] = "llama3.2",
            ["AIServices:Temperature"] = setting,
        });
        Assert.Equal(sent, Assert.IsType<OpenAIPromptExecutionSettings>(services.GetRequiredService<ModelKernel>().Settings).Temperature);
    }

    public static TheoryData<Dictionary<string, string?>, string> Unusable => new()
    {
        { new() { ["AIServices:Provider"] = "Gemini", ["AIServices:ModelId"] = "x" }, "AIServices:Provider 'Gemini' is not known" },
        { new() { ["AIServices:Provider"] = "Gemini" }, "AIServices:Provider 'Gemini' is not known" },
        { new() { ["AIServices:ModelId"] = "gpt-4o-mini" }, "AIServices:ApiKey is empty" },
        { new() { ["AIServices:Provider"] = "AzureOpenAI", ["AIServices:ModelId"] = "qabot", ["AIServices:ApiKey"] = "k" }, "AIServices:Endpoint is required for Azure OpenAI" },
        { new() { ["AIServices:Endpoint"] = "http://localhost:11434/v1" }, "AIServices:ModelId is empty" },
        { new() { ["AIServices:Endpoint"] = "localhost:11434", ["AIServices:ModelId"] = "llama3.2" }, "is not an http(s) address" },
        { new() { ["AIServices:Endpoint"] = "http://localhost:11434/v1", ["AIServices:ModelId"] = "llama3.2", ["AIServices:Timeout"] = "00:00:00" }, "AIServices:Timeout" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void SettingsThatCannotWorkFailTheFirstAnswerSayingWhatToFix(Dictionary<string, string?> settings, string message)
    {
        using var services = Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            services.GetRequiredService<IQuestionAnswerer>();
            return services.GetRequiredService<IOptions<AiServicesOptions>>().Value;
        });
        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownProviderStopsAHostAtStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AIServices:Provider"] = "Gemini" });
        builder.Services.AddQaBotModel(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("AIServices:Provider 'Gemini' is not known", error.Message);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("OpenAICompatible")]
    [InlineData("azureopenai")]
    public void ProviderNamesAreReadWhateverTheirCase(string provider)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["AIServices:Provider"] = provider,
            ["AIServices:Endpoint"] = "https://example.invalid/",
            ["AIServices:ModelId"] = "m",
            ["AIServices:ApiKey"] = "k",
        });
        Assert.NotNull(services.GetService<IDraftComposer>());
    }
}
