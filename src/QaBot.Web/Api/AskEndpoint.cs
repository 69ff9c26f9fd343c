using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using QaBot.Core.Answering;
using QaBot.Web.Hosting;

namespace QaBot.Web.Api;

/// <summary><c>POST /api/ask {"question": "..."}</c>: the reply contract as JSON.</summary>
internal static class AskEndpoint
{
    /// <summary>The request body.</summary>
    /// <param name="Question">What the person asks, in their own words; a longer one than Answering:MaxQuestionChars is answered from its start.</param>
    public sealed record AskRequest([property: Description("What the person asks, in their own words.")] string? Question);

    public static RouteHandlerBuilder MapAsk(this IEndpointRouteBuilder app) =>
        // Any content type: `curl -d '{"question": "..."}'` sends JSON labelled as a form, and still means JSON.
        app.MapPost("/api/ask", AskAsync)
            .WithTags("Questions")
            .WithSummary("Answer one question")
            .WithDescription("The reply every host gets: its status (answered, not_found, emergency, chitchat), its text as a person reads it, the verbatim quotes with their document and section, the advisory that ends it, and which composer made it.")
            // Described, not enforced: Accepts would refuse the JSON that curl -d labels as a form.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AskRequest), null, cancellationToken) },
                },
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// The body is read here rather than bound, so every way it can be wrong (too large, not JSON,
    /// no question) gets a problem-details answer that says what to send instead.
    /// </summary>
    public static async Task<Results<Ok<Reply>, ProblemHttpResult>> AskAsync(
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
            return Invalid("The body is not valid JSON.");
        }
        if (string.IsNullOrWhiteSpace(ask?.Question)) return Invalid("The body has no question.");
        return TypedResults.Ok(await answerer.AnswerAsync(ask.Question, 0, cancellationToken));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(
        title: "The request body must be JSON like {\"question\": \"Can kratom cause hair loss?\"}.",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
}
