using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.DirectLine;

/// <summary>
/// Direct Line 3.0 in polling mode, as Web Chat's bundled DirectLineJS uses it: a token for a new
/// conversation, starting it, posting activities and reading them back by watermark.
/// </summary>
internal static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static IEndpointConventionBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Direct Line");
        group.MapPost("/tokens/generate", Generate).WithSummary("A token bound to a new conversation (the page's call)");
        group.MapPost("/tokens/refresh", Refresh).WithSummary("A fresh token for the same conversation");
        group.MapPost("/conversations", StartAsync).WithSummary("Start the token's conversation");
        group.MapGet("/conversations/{conversationId}", Reconnect).WithSummary("Reconnect to the token's conversation");
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).WithSummary("Send an activity to the bot");
        group.MapGet("/conversations/{conversationId}/activities", GetActivities).WithSummary("The conversation's activities after a watermark");
        return group;
    }

    /// <summary>
    /// A token bound to a new conversation (the page's call; the token is all it needs). Nothing is
    /// stored yet: the conversation begins when the client starts it with the token (DirectLineJS's
    /// connect), so tokens asked for and never used cost nothing and crowd out no one.
    /// </summary>
    private static async Task<IResult> Generate(HttpRequest request, ConversationTokens tokens, IOptions<DirectLineOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxActivityBytes, request.HttpContext.RequestAborted);
        if (body is null) return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The request body is too large.");
        string? user = null;
        if (body.Length > 0 && !TryReadUser(body, out user))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be empty or JSON like {\"user\": {\"id\": \"...\"}}.");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return await IssueAsync(request, tokens, id, user ?? DefaultUser(id));
    }

    private static async Task<IResult> Refresh(HttpRequest request, IConversationStore store, ConversationTokens tokens)
    {
        var (failure, conversation) = await AuthorizeAsync(request, null, store, tokens);
        return failure ?? await IssueAsync(request, tokens, conversation!.Id, conversation.UserId);
    }

    /// <summary>DirectLineJS's connect: opens the token's conversation, starts it (the bot's welcome) and hands back a fresh token.</summary>
    private static async Task<IResult> StartAsync(HttpRequest request, IConversationStore store, ConversationTokens tokens, DirectLineChannel channel)
    {
        var check = await tokens.CheckAsync(request.Headers.Authorization, request.HttpContext.RequestAborted);
        if (Refuse(request, check) is { } refused) return refused;
        var conversation = await store.OpenAsync(check.ConversationId!, check.UserId ?? DefaultUser(check.ConversationId!), request.HttpContext.RequestAborted);
        if (conversation is null)
        {
            // Full of conversations in use: refuse the new one rather than end someone else's.
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "Too many conversations are open; try again in a minute.");
        }
        await channel.StartAsync(conversation);
        var token = await tokens.IssueAsync(conversation.Id, conversation.UserId, request.HttpContext.RequestAborted);
        return Results.Json(new ConversationResponse(conversation.Id, token, tokens.LifetimeSeconds), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Reconnect(string conversationId, HttpRequest request, IConversationStore store, ConversationTokens tokens)
    {
        var (failure, conversation) = await AuthorizeAsync(request, conversationId, store, tokens);
        return failure ?? await IssueAsync(request, tokens, conversation!.Id, conversation.UserId);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, IConversationStore store, ConversationTokens tokens, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        var (failure, conversation) = await AuthorizeAsync(request, conversationId, store, tokens);
        if (failure is not null) return failure;
        var body = await RequestBody.ReadAsync(request, options.Value.MaxActivityBytes, request.HttpContext.RequestAborted);
        if (body is null) return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may have at most {options.Value.MaxActivityBytes} bytes.");
        var activity = ActivityJson.Read(body);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a type.");
        if (string.Equals(activity.From?.Id, channel.BotId, StringComparison.Ordinal))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "Activities may not be sent as the bot.");
        var id = await channel.PostAsync(conversation!, activity);
        return id is null ? Ended() : Results.Json(new ResourceResponse(id));
    }

    private static async Task<IResult> GetActivities(string conversationId, string? watermark, HttpRequest request, IConversationStore store, ConversationTokens tokens)
    {
        var (failure, _) = await AuthorizeAsync(request, conversationId, store, tokens);
        if (failure is not null) return failure;
        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && !long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this conversation gave out.");
        if (await store.ReadAfterAsync(conversationId, after, request.HttpContext.RequestAborted) is not { } page) return Ended();
        // The watermark is a string: DirectLineJS keeps it only when it is truthy, and "0" is.
        var json = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < page.Activities.Count; i++) json.Append(i == 0 ? "" : ",").Append(Encoding.UTF8.GetString(page.Activities[i]));
        json.Append("],\"watermark\":\"").Append(page.Watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return Results.Text(json.ToString(), "application/json");
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, ConversationTokens tokens, string conversationId, string userId) =>
        Results.Json(new ConversationResponse(conversationId, await tokens.IssueAsync(conversationId, userId, request.HttpContext.RequestAborted), tokens.LifetimeSeconds));

    /// <summary>
    /// The conversation when the request carries a valid token for it; otherwise the failure: 401
    /// without a token or with a forged one, 403 for an expired token or another conversation's, and
    /// 404 when the conversation has ended (idle too long, or a restart of a host that kept it in memory).
    /// </summary>
    private static async Task<(IResult? Failure, StoredConversation? Conversation)> AuthorizeAsync(HttpRequest request, string? conversationId, IConversationStore store, ConversationTokens tokens)
    {
        var check = await tokens.CheckAsync(request.Headers.Authorization, request.HttpContext.RequestAborted);
        if (Refuse(request, check) is { } refused) return (refused, null);
        if (conversationId is not null && !string.Equals(conversationId, check.ConversationId, StringComparison.Ordinal))
            return (Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is for another conversation."), null);
        var conversation = await store.FindAsync(check.ConversationId!, request.HttpContext.RequestAborted);
        return conversation is null ? (Ended(), null) : (null, conversation);
    }

    /// <summary>Null for a valid token; else 401 (none, or not signed here) or 403 (expired).</summary>
    private static IResult? Refuse(HttpRequest request, TokenCheck check)
    {
        switch (check.Status)
        {
            case TokenValidity.Missing:
            case TokenValidity.Invalid:
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Error(StatusCodes.Status401Unauthorized, "BadArgument", check.Status == TokenValidity.Missing ? "A bearer token is required." : "The token is not valid.");
            case TokenValidity.Expired:
                return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");
            default:
                return null;
        }
    }

    /// <summary>The person's id when the page named none: made up from the conversation's.</summary>
    private static string DefaultUser(string conversationId) => "dl_" + conversationId[..Math.Min(12, conversationId.Length)];

    private static IResult Ended() => Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation has ended.");

    /// <summary>False when the body is not JSON of the token request's shape; a user id that is empty or too long is ignored.</summary>
    private static bool TryReadUser(byte[] body, out string? user)
    {
        user = null;
        try
        {
            var id = System.Text.Json.JsonSerializer.Deserialize<TokenRequest>(body)?.User?.Id;
            if (id is { Length: > 0 and <= 128 }) user = id;
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorBody(code, message)), statusCode: status);

    private sealed record TokenRequest([property: JsonPropertyName("user")] TokenUser? User);

    private sealed record TokenUser([property: JsonPropertyName("id")] string? Id);

    private sealed record ConversationResponse(
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);

    private sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);

    private sealed record ErrorBody([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
}
