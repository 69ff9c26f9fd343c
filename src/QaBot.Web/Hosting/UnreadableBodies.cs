namespace QaBot.Web.Hosting;

/// <summary>
/// A request whose body cannot be read (bad chunk sizes or terminators, or a client that stops before
/// its body ends) gets the status Kestrel gives the fault, 400 (413 past the server's size limit), with
/// problem details: on every endpoint, whichever reads the body, and never logged as the server's error.
/// </summary>
internal static class UnreadableBodies
{
    public static IApplicationBuilder UseUnreadableBodyAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnreadableBodies))
                .LogDebug("The body of a request to {Path} could not be read: {Reason}", http.Request.Path, e.Message);
            http.Response.Clear();
            http.Response.StatusCode = e.StatusCode;
            // A client that closed its side cannot read an answer; the status still says what happened.
            if (!http.RequestAborted.IsCancellationRequested)
                await Results.Problem(title: "The request body could not be read.", detail: e.Message, statusCode: e.StatusCode).ExecuteAsync(http);
        }
    });
}
