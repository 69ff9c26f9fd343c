using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using QaBot.Web.DirectLine;
using QaBot.Web.Hosting;

namespace QaBot.Web.Bot;

/// <summary><c>POST /api/messages</c>: the Bot Framework endpoint the Emulator and Azure channels call.</summary>
internal static class MessagesEndpoint
{
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder app) => app.MapPost("/api/messages", ProcessAsync)
        .WithTags("Bot Framework")
        .WithSummary("The Bot Framework messaging endpoint (the Emulator, Azure Bot Service channels)")
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task ProcessAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotOptions> options,
        IOptions<BotCredentialsOptions> credentials, ILogger<QaBotAdapter> log)
    {
        if (!IsWellFormed(http.Request.Headers.Authorization))
        {
            Refuse(http, log, "not a bearer JWT");
            return;
        }
        // CloudAdapter would read a body of any size into memory; it gets at most the limit.
        var max = options.Value.MaxActivityBytes;
        var body = await RequestBody.ReadAsync(http.Request, max, http.RequestAborted);
        if (body is null)
        {
            await Results.Problem(title: "The activity is too large.", detail: $"Send at most {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
            return;
        }
        if (NotAnswerable(body, out var serviceUrl) is { } problem)
        {
            await Results.Problem(title: "The body is not an activity the bot can answer.", detail: problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }
        // With credentials the channel's token vouches for its serviceUrl; without, the bot checks it itself.
        if (!credentials.Value.IsConfigured && !ServiceUrls.MayReplyTo(serviceUrl!, options.Value.AllowedServiceUrls))
        {
            log.LogWarning("Refused an activity without credentials whose serviceUrl is not on this machine nor in Bot:AllowedServiceUrls.");
            await Results.Problem(title: "The bot does not reply to that serviceUrl.",
                detail: "Without credentials the bot replies only to a serviceUrl on this machine (the Emulator), or to one listed in Bot:AllowedServiceUrls.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }
        http.Request.Body = new MemoryStream(body, writable: false);
        // A token that cannot be validated is a 401 from CloudAdapter (see RefusingAuthentication).
        await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        if (http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.HasStarted)
            http.Response.Headers.WWWAuthenticate = "Bearer";
    }

    /// <summary>
    /// Why CloudAdapter could not run a turn for the body and reply (it would fail with a 500), or
    /// null: every channel sends a type, its channel id, the conversation and its service URL.
    /// </summary>
    private static string? NotAnswerable(byte[] body, out Uri? serviceUrl)
    {
        serviceUrl = null;
        var activity = ActivityJson.Read(body);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type)) return "Send a Bot Framework activity (JSON) with a type.";
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) return "The activity has no channelId.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "The activity has no conversation id.";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return "The activity has no serviceUrl (an absolute http or https URL).";
        return null;
    }

    /// <summary>
    /// No header (the Emulator without credentials; CloudAdapter decides), or "Bearer" and a token
    /// that parses as a JWT. Anything else would make CloudAdapter throw while decoding it.
    /// </summary>
    private static bool IsWellFormed(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return true;
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            _ = new JsonWebToken(authorization[scheme.Length..].Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Refuse(HttpContext http, ILogger log, string reason)
    {
        log.LogWarning("Refused a request with a malformed Authorization header ({Reason}).", reason);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
    }
}
