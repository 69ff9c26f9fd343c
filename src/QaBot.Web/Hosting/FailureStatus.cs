using StackExchange.Redis;

namespace QaBot.Web.Hosting;

/// <summary>The status of a request that failed with an exception: the client's mistake, or a part that is down, rather than 500 for all.</summary>
internal static class FailureStatus
{
    public static int Of(Exception exception) => exception switch
    {
        // A body that cannot be read (bad chunk sizes or terminators, ended before its length): the client's.
        BadHttpRequestException bad => bad.StatusCode,
        // The conversation store on Redis cannot be reached: try again later.
        RedisConnectionException or RedisTimeoutException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A client's unreadable body is not the server's failure: no error log for it.</summary>
    public static bool IsClients(Exception exception) => exception is BadHttpRequestException;
}
