using StackExchange.Redis;

namespace QaBot.Web.Hosting;

/// <summary>The status of a request that failed with an exception: 503 while a part it needs is down, rather than 500 for all.</summary>
internal static class FailureStatus
{
    public static int Of(Exception exception) => exception switch
    {
        // The conversation store on Redis cannot be reached: try again later.
        RedisConnectionException or RedisTimeoutException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
