using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QaBot.Web.Bot;

/// <summary><c>POST /api/messages</c>: the Bot Framework endpoint the Emulator and Azure channels call.</summary>
internal static class MessagesEndpoint
{
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder app) => app.MapPost("/api/messages", ProcessAsync);

    private static async Task ProcessAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<QaBotAdapter> log)
    {
        if (!IsWellFormed(http.Request.Headers.Authorization))
        {
            Refuse(http, log, "not a bearer JWT");
            return;
        }
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        // CloudAdapter validates any Authorization header, even with no credentials configured, and
        // lets a malformed token escape as an exception: that is the caller's fault, a 401, not a 500.
        catch (Exception e) when (e is SecurityTokenException or SecurityTokenArgumentException && !http.Response.HasStarted)
        {
            Refuse(http, log, e.GetType().Name);
        }
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
