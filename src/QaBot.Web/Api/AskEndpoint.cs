using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Web.Hosting;

namespace QaBot.Web.Api;

/// <summary><c>POST /api/ask {"question": "..."}</c>: the reply contract as JSON.</summary>
internal static class AskEndpoint
{
    /// <summary>The request body.</summary>
    public sealed record AskRequest(string? Question);

    public static RouteHandlerBuilder MapAsk(this IEndpointRouteBuilder app) =>
        // Any content type: `curl -d '{"question": "..."}'` sends JSON labelled as a form, and still means JSON.
        app.MapPost("/api/ask", AskAsync).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// The body is read here rather than bound, so every way it can be wrong (too large, not JSON,
    /// no question) gets a problem-details answer that says what to send instead.
    /// </summary>
    public static async Task<Results<Ok<Reply>, BadRequest<ProblemDetails>, ProblemHttpResult>> AskAsync(
        HttpRequest request, IQuestionAnswerer answerer, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBodyBytes;
        var body = await RequestBody.ReadAsync(request, max, cancellationToken);
        if (body is null)
            return TypedResults.Problem(title: "The request body is too large.", detail: $"Send at most {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        AskRequest? ask;
        try
        {
            ask = JsonSerializer.Deserialize<AskRequest>(body, JsonOptions);
        }
        catch (JsonException)
        {
            return Invalid(request.HttpContext, "The body is not valid JSON.");
        }
        if (string.IsNullOrWhiteSpace(ask?.Question)) return Invalid(request.HttpContext, "The body has no question.");
        return TypedResults.Ok(await answerer.AnswerAsync(ask.Question, 0, cancellationToken));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    private static BadRequest<ProblemDetails> Invalid(HttpContext http, string detail)
    {
        // BadRequest<T> writes application/json; a problem is application/problem+json (RFC 9457).
        http.Response.OnStarting(() =>
        {
            http.Response.ContentType = "application/problem+json; charset=utf-8";
            return Task.CompletedTask;
        });
        return TypedResults.BadRequest(new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = "The request body must be JSON like {\"question\": \"Can kratom cause hair loss?\"}.",
            Detail = detail,
            Status = StatusCodes.Status400BadRequest,
        });
    }
}
