using System.Text.Json;

namespace QaBot.Web.Tests;

/// <summary>GET /openapi/v1.json describes /api/ask: its body, its reply and its problems, with a summary and a tag.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly QaBotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_document_describes_ask_with_its_reply_schema_and_problem_details()
    {
        var document = await DocumentAsync();
        var ask = document.GetProperty("paths").GetProperty("/api/ask").GetProperty("post");

        Assert.Equal("Questions", ask.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(ask.GetProperty("summary").GetString()));
        var body = ask.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(Resolve(document, body).GetProperty("properties").TryGetProperty("question", out _));

        var ok = Resolve(document, ask.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = ok.GetProperty("properties");
        foreach (var name in new[] { "status", "text", "quotes", "advisory", "composer", "intro" })
            Assert.True(properties.TryGetProperty(name, out _), name + " is not in the reply schema");
        var statuses = Resolve(document, properties.GetProperty("status")).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["answered", "not_found", "emergency", "chitchat"], statuses);

        foreach (var code in new[] { "400", "413", "429" })
            Assert.True(ask.GetProperty("responses").GetProperty(code).GetProperty("content").TryGetProperty("application/problem+json", out _), code + " is not problem details");
    }

    [Fact]
    public async Task Every_described_endpoint_has_a_summary_and_a_tag_and_the_page_is_not_one()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.False(paths.TryGetProperty("/", out _));
        foreach (var path in paths.EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
                Assert.True(operation.Value.GetProperty("tags").GetArrayLength() > 0, $"{operation.Name} {path.Name} has no tag");
            }
    }

    /// <summary>A schema, or the component its $ref names.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
