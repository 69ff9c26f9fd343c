using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaBot.Web.Tests;

/// <summary>
/// Operating the host: with OTEL_EXPORTER_OTLP_ENDPOINT set, a reply reaches an OTLP collector as
/// a span and as metrics; and each reply is one log line with its status, composer and timing,
/// never the question.
/// </summary>
public sealed class TelemetryTests
{
    private const string Question = "Can kratom cause hair loss?";

    [Fact]
    public async Task A_reply_is_exported_over_otlp_as_a_span_and_metrics()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var factory = new QaBotFactory(new Dictionary<string, string?>
        {
            // The OpenTelemetry SDK's own settings, as an operator sets them in the environment.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });

        var response = await factory.CreateClient().PostAsJsonAsync("/api/ask", new { question = Question });
        response.EnsureSuccessStatusCode();

        await collector.WaitForAsync("/v1/traces", "qabot.answer", "qabot.status", "answered", "qabot.composer", "extractive");
        await collector.WaitForAsync("/v1/metrics", "qabot.replies", "qabot.answer.duration", "status", "composer", "extractive");
        Assert.False(collector.Received("/v1/traces", Question), "the question's text was exported");
    }

    [Fact]
    public async Task Each_reply_is_one_log_line_with_status_composer_and_time_and_never_the_question()
    {
        var logs = new LogCollector();
        using var factory = new QaBotFactory(new Dictionary<string, string?> { ["Logging:LogLevel:QaBot"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        var client = factory.CreateClient();

        (await client.PostAsJsonAsync("/api/ask", new { question = Question })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/ask", new { question = "hello" })).EnsureSuccessStatusCode();

        var replies = logs.Entries.Where(e => e.EventName == "Replied").ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal("answered", replies[0].State["Status"]);
        Assert.Equal("extractive", replies[0].State["Composer"]);
        Assert.True(replies[0].State.ContainsKey("ElapsedMs"));
        Assert.Equal("chitchat", replies[1].State["Status"]);
        Assert.Equal("rules", replies[1].State["Composer"]);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("hair loss", StringComparison.OrdinalIgnoreCase)
            || e.State.Values.Any(v => v?.ToString()?.Contains("hair loss", StringComparison.OrdinalIgnoreCase) == true));
    }
}

/// <summary>Keeps every log entry the host writes, with its structured values.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public sealed record Entry(string Category, string? EventName, string Message, IReadOnlyDictionary<string, object?> State);

    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries { get { lock (_entries) return [.. _entries]; } }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            lock (owner._entries) owner._entries.Add(new Entry(category, eventId.Name, formatter(state, exception), values));
        }
    }
}
