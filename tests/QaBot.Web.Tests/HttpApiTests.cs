using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;

namespace QaBot.Web.Tests;

/// <summary>/api/ask, /healthz and the page, through the in-memory test server.</summary>
public sealed class HttpApiTests : IClassFixture<QaBotFactory>
{
    private readonly QaBotFactory _factory;

    public HttpApiTests(QaBotFactory factory) => _factory = factory;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Ask_returns_the_reply_contract()
    {
        var response = await _factory.CreateClient().PostAsync("/api/ask", Json("""{"question": "Can kratom cause hair loss?"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = reply.RootElement;
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal("extractive", root.GetProperty("composer").GetString());
        var quotes = root.GetProperty("quotes");
        Assert.InRange(quotes.GetArrayLength(), 1, 3);
        Assert.False(string.IsNullOrEmpty(quotes[0].GetProperty("section").GetString()));
        Assert.EndsWith(root.GetProperty("advisory").GetString()!, root.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ask_reads_json_whatever_its_content_type_says()
    {
        var body = new StringContent("""{"question": "Can kratom cause hair loss?"}""", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _factory.CreateClient().PostAsync("/api/ask", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ask_spells_statuses_in_snake_case()
    {
        var response = await _factory.CreateClient().PostAsync("/api/ask", Json("""{"question": "What is the capital of France?"}"""));
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_found", reply.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"question\": ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("{\"question\": \"   \"}")]
    [InlineData("{\"question\": 42}")]
    public async Task Ask_answers_an_invalid_body_with_problem_details(string body)
    {
        var response = await _factory.CreateClient().PostAsync("/api/ask", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("question", problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Ask_refuses_an_oversized_body_with_413()
    {
        var limit = _factory.Services.GetRequiredService<IOptions<Hosting.ApiOptions>>().Value.MaxBodyBytes;
        var body = JsonSerializer.Serialize(new { question = new string('a', limit) });

        var response = await _factory.CreateClient().PostAsync("/api/ask", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_reports_the_host_and_the_index_ready()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = health.RootElement;
        Assert.Equal("ready", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("host").GetProperty("ready").GetBoolean());
        Assert.True(root.GetProperty("index").GetProperty("ready").GetBoolean());
        Assert.Equal(1, root.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.True(root.GetProperty("index").GetProperty("sentences").GetInt32() > 10);
        Assert.Equal("model", root.GetProperty("understanding").GetProperty("mode").GetString());
        Assert.Equal("all-MiniLM-L6-v2", root.GetProperty("understanding").GetProperty("embeddingModel").GetString());
    }

    [Fact]
    public async Task Healthz_says_when_questions_are_read_lexically_and_why()
    {
        await using var factory = new QaBotFactory(new Dictionary<string, string?> { ["Understanding:Enabled"] = "false" });
        using var health = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/healthz"));
        var understanding = health.RootElement.GetProperty("understanding");
        Assert.Equal("lexical", understanding.GetProperty("mode").GetString());
        Assert.Contains("Enabled is false", understanding.GetProperty("status").GetString());
        Assert.False(understanding.TryGetProperty("embeddingModel", out _));
    }

    [Fact]
    public void The_index_lives_in_a_folder_of_the_tests_own()
    {
        var paths = _factory.Services.GetRequiredService<QaBotPaths>();
        var index = paths.Resolve(_factory.Services.GetRequiredService<IOptions<IndexOptions>>().Value.Path);
        Assert.StartsWith(Path.GetTempPath(), index);
        Assert.True(Directory.Exists(index));
    }

    [Fact]
    public async Task The_page_embeds_web_chat_under_a_content_security_policy()
    {
        var response = await _factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html);
        Assert.Contains("script-src 'self' 'nonce-", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("<script src=\"lib/webchat.js\"></script>", html);

        var again = await _factory.CreateClient().GetAsync("/");
        Assert.NotEqual(policy, Assert.Single(again.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Web_chat_and_the_page_script_are_served_from_the_host_itself()
    {
        var client = _factory.CreateClient();
        var bundle = await client.GetAsync("/lib/webchat.js");
        var script = await client.GetStringAsync("/js/chat.js");

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
        Assert.Contains("createDirectLine", script);
        Assert.Contains("webSocket: false", script);
        Assert.Contains("markdownRenderHTML: false", script);
    }
}

/// <summary>The host when its index cannot be opened.</summary>
public sealed class BrokenIndexTests
{
    [Fact]
    public async Task Healthz_is_503_when_the_documents_are_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qabot-web-tests", "missing-" + Guid.NewGuid().ToString("N"));
        using var factory = new QaBotFactory(new Dictionary<string, string?> { ["Corpus:DocumentsPath"] = missing });

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(health.GetProperty("index").GetProperty("ready").GetBoolean());
        Assert.True(health.GetProperty("host").GetProperty("ready").GetBoolean());
        Assert.DoesNotContain(missing, health.ToString());
    }
}
