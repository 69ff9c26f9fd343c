using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

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

    /// <summary>A new conversation and a token bound to it (the page's call; the token is all it needs).</summary>
    private static async Task<IResult> Generate(HttpRequest request, ConversationStore store, ConversationTokens tokens, IOptions<DirectLineOptions> options)
    {
        var body = await RequestBody.ReadAsync(request, options.Value.MaxActivityBytes, request.HttpContext.RequestAborted);
        if (body is null) return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The request body is too large.");
        string? user = null;
        if (body.Length > 0 && !TryReadUser(body, out user))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be empty or JSON like {\"user\": {\"id\": \"...\"}}.");
        var conversation = store.Create(user);
        return Results.Json(new ConversationResponse(conversation.Id, tokens.Issue(conversation.Id), tokens.LifetimeSeconds));
    }

    private static IResult Refresh(HttpRequest request, ConversationStore store, ConversationTokens tokens) =>
        Authorize(request, null, store, tokens, out var conversation)
        ?? Results.Json(new ConversationResponse(conversation!.Id, tokens.Issue(conversation.Id), tokens.LifetimeSeconds));

    /// <summary>DirectLineJS's connect: starts the token's conversation (the bot's welcome) and hands back a fresh token.</summary>
    private static async Task<IResult> StartAsync(HttpRequest request, ConversationStore store, ConversationTokens tokens, DirectLineChannel channel)
    {
        if (Authorize(request, null, store, tokens, out var conversation) is { } failure) return failure;
        await channel.StartAsync(conversation!);
        return Results.Json(new ConversationResponse(conversation!.Id, tokens.Issue(conversation.Id), tokens.LifetimeSeconds), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Reconnect(string conversationId, HttpRequest request, ConversationStore store, ConversationTokens tokens) =>
        Authorize(request, conversationId, store, tokens, out var conversation)
        ?? Results.Json(new ConversationResponse(conversation!.Id, tokens.Issue(conversation.Id), tokens.LifetimeSeconds));

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, ConversationStore store, ConversationTokens tokens, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        if (Authorize(request, conversationId, store, tokens, out var conversation) is { } failure) return failure;
        var body = await RequestBody.ReadAsync(request, options.Value.MaxActivityBytes, request.HttpContext.RequestAborted);
        if (body is null) return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may have at most {options.Value.MaxActivityBytes} bytes.");
        var activity = ActivityJson.Read(body);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a type.");
        if (string.Equals(activity.From?.Id, channel.BotId, StringComparison.Ordinal))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "Activities may not be sent as the bot.");
        var id = await channel.PostAsync(conversation!, activity);
        return Results.Json(new ResourceResponse(id));
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, ConversationStore store, ConversationTokens tokens)
    {
        if (Authorize(request, conversationId, store, tokens, out var conversation) is { } failure) return failure;
        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && !long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this conversation gave out.");
        var (activities, last) = conversation!.After(after);
        // The watermark is a string: DirectLineJS keeps it only when it is truthy, and "0" is.
        var json = "{\"activities\":[" + string.Join(',', activities) + "],\"watermark\":\"" + last.ToString(CultureInfo.InvariantCulture) + "\"}";
        return Results.Text(json, "application/json");
    }

    /// <summary>
    /// Null when the request carries a valid token for the conversation; otherwise the failure:
    /// 401 without a token or with a forged one, 403 for an expired token or another conversation's.
    /// </summary>
    private static IResult? Authorize(HttpRequest request, string? conversationId, ConversationStore store, ConversationTokens tokens, out DirectLineConversation? conversation)
    {
        conversation = null;
        var check = tokens.Check(request.Headers.Authorization);
        switch (check.Status)
        {
            case TokenValidity.Missing:
            case TokenValidity.Invalid:
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Error(StatusCodes.Status401Unauthorized, "BadArgument", check.Status == TokenValidity.Missing ? "A bearer token is required." : "The token is not valid.");
            case TokenValidity.Expired:
                return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");
        }
        if (conversationId is not null && !string.Equals(conversationId, check.ConversationId, StringComparison.Ordinal))
            return Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is for another conversation.");
        conversation = store.Find(check.ConversationId!);
        return conversation is null ? Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation has ended.") : null;
    }

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
