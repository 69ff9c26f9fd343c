using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace QaBot.Web.Hosting;

/// <summary>
/// Per-client rate limiting with ASP.NET Core's rate limiter: one token bucket per client address
/// (<see cref="RateLimitingOptions"/>). A request past it gets 429 problem details and a
/// Retry-After header saying when the client's next request will be let in.
/// </summary>
internal static class RateLimits
{
    /// <summary>The policy the question, bot and Direct Line endpoints require.</summary>
    public const string PerClient = "per-client";

    public static IServiceCollection AddQaBotRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(PerClient, Partition);
        });
        return services;
    }

    /// <summary>Endpoints with this convention count against their client's bucket.</summary>
    public static TBuilder LimitPerClient<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(PerClient);

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetTokenBucketLimiter(Client(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.TokenLimit,
            TokensPerPeriod = options.TokensPerPeriod,
            ReplenishmentPeriod = options.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The client as this host sees it: its IPv4 address, or the /64 network of its IPv6 address, since
    /// one IPv6 host is given a whole /64 and could otherwise change address for every request. Behind a
    /// reverse proxy every client has the proxy's address; forwarded headers are not trusted, since any
    /// client could write them.
    /// </summary>
    internal static string Client(HttpContext http) => Client(http.Connection.RemoteIpAddress);

    internal static string Client(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        _ => address.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
            .LogDebug("Rate limited {Client} on {Path}.", Client(http), http.Request.Path);
        await Results.Problem(
            title: "Too many requests.",
            detail: $"This client has sent too many requests. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
