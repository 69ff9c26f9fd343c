using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaBot.Core.Answering;

namespace QaBot.Ai.Tests;

/// <summary>The real pipeline with the model composer pointed at a fake server, over an index of its own.</summary>
internal static class ModelHost
{
    /// <summary>Settings that point AIServices at <paramref name="server"/>; <paramref name="settings"/> override them.</summary>
    public static ServiceProvider Services(FakeModelServer server, IDictionary<string, string?>? settings = null, LogSink? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["AIServices:Provider"] = "OpenAI",
            ["AIServices:Endpoint"] = server.OpenAIEndpoint,
            ["AIServices:ModelId"] = "fake-model",
            ["AIServices:ApiKey"] = "test-key",
            ["AIServices:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return TestCorpus.Services(settings: all, configure: services =>
        {
            logs?.Register(services);
            services.AddQaBotModel(ConfigurationOf(services));
        });
    }

    /// <summary>The configuration the test host registered, as a host would pass it.</summary>
    public static IConfiguration ConfigurationOf(IServiceCollection services) =>
        (IConfiguration)services.Last(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;

    public static Task<Reply> AskAsync(this ServiceProvider services, string question) =>
        services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question);
}

/// <summary>Keeps every log line of a test host, to check what fallbacks say.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public IEnumerable<string> Warnings => Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message);

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(this)));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Sink(LogSink owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
