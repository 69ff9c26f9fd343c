using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QaBot.Core.Answering;

/// <summary>
/// What answering tells an operator, with the framework's own types only (a host decides where it
/// goes: OpenTelemetry, the console): a span per answer, metrics of replies, latency, cache hits and
/// model fallbacks, and one log line per reply. Never the question's text: people describe their
/// health in it.
/// </summary>
public sealed partial class AnswerTelemetry : IDisposable
{
    /// <summary>The name of the activity source and the meter, for a host to subscribe to.</summary>
    public const string Name = "QaBot";

    /// <summary>One span per answer.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter = new(Name);
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _fallbacks;
    private readonly ILogger _log;

    public AnswerTelemetry(ILogger<AnswerTelemetry>? log = null)
    {
        _log = log ?? NullLogger<AnswerTelemetry>.Instance;
        _replies = _meter.CreateCounter<long>("qabot.replies", "{reply}", "Replies, by status and composer.");
        _duration = _meter.CreateHistogram<double>("qabot.answer.duration", "s", "Time to answer one question, by status and composer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20] });
        _cacheHits = _meter.CreateCounter<long>("qabot.reply_cache.hits", "{reply}", "Replies served from the reply cache.");
        _fallbacks = _meter.CreateCounter<long>("qabot.model.fallbacks", "{reply}", "Model drafts replaced by the extractive reply, by reason.");
    }

    /// <summary>Starts the span of one answer (null when no one listens).</summary>
    public static Activity? Start(int skip)
    {
        var activity = Source.StartActivity("qabot.answer");
        activity?.SetTag("qabot.more", skip > 0);
        return activity;
    }

    /// <summary>A reply came from the cache.</summary>
    public void CacheHit() => _cacheHits.Add(1);

    /// <summary>The model's draft could not be used: "refused" (it failed the checks) or "failed" (an error or a time-out).</summary>
    public void Fallback(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Records the reply on the span, the metrics and the log.</summary>
    public void Replied(Activity? activity, Reply reply, TimeSpan elapsed, bool cached, int skip)
    {
        var status = ReplyJson.StatusName(reply.Status);
        var tags = new TagList { { "status", status }, { "composer", reply.Composer } };
        _replies.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        activity?.SetTag("qabot.status", status).SetTag("qabot.composer", reply.Composer)
            .SetTag("qabot.quotes", reply.Quotes.Count).SetTag("qabot.cached", cached);
        LogReply(_log, status, reply.Composer, elapsed.TotalMilliseconds, reply.Quotes.Count, cached, skip > 0);
    }

    [LoggerMessage(EventId = 1, EventName = "Replied", Level = LogLevel.Information,
        Message = "Replied {Status} by {Composer} in {ElapsedMs:0.0} ms: {Quotes} quotes, cached {Cached}, more {More}")]
    private static partial void LogReply(ILogger log, string status, string composer, double elapsedMs, int quotes, bool cached, bool more);

    public void Dispose() => _meter.Dispose();
}
