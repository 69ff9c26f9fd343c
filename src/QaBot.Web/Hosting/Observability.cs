using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QaBot.Core.Answering;

namespace QaBot.Web.Hosting;

/// <summary>OpenTelemetry traces and metrics, and the OpenAPI description of the HTTP API.</summary>
public static class Observability
{
    /// <summary>The OTLP endpoint setting, as OpenTelemetry names it (an environment variable, or any configuration source).</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Spans of requests and answers, and metrics of replies (by status and composer), answer latency,
    /// cache hits and model fallbacks. Collected always (cheap when no one listens); exported over
    /// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, with the other OTEL_* settings as the SDK reads them.
    /// </summary>
    public static IServiceCollection AddQaBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("qabot"))   // OTEL_SERVICE_NAME overrides it
            .WithTracing(tracing => tracing.AddSource(AnswerTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(AnswerTelemetry.Name).AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint])) telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json, from the endpoints' own summaries, tags and result types.</summary>
    public static IServiceCollection AddQaBotOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "QaBot";
            document.Info.Description = "Answers questions about the documents with verbatim quotes, always ending with medical advice.";
            return Task.CompletedTask;
        }));
}
