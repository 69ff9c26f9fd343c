using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QaBot.Ai.Tests;

/// <summary>The web host with and without a model: /healthz says which, and /api/ask shows who composed.</summary>
public sealed class WebHostTests
{
    private static WebApplicationFactory<Program> Host(IDictionary<string, string?> settings)
    {
        var index = Path.Combine(TestCorpus.NewTempFolder(), "lucene");
        // Settings as host settings, so Program sees them while it registers services.
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Index:Path", index);
            b.UseSetting("RateLimiting:Enabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
    }

    private static async Task<JsonElement> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> Ask(HttpClient client, string question)
    {
        var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task WithAModelHealthzSaysItAnswersAndAnswersNameTheModel()
    {
        await using var server = await FakeModelServer.StartAsync(r => FakeReply.Cite("The article lists these risks:", r.OfferedIds.Take(2)));
        await using var host = Host(new Dictionary<string, string?>
        {
            ["AIServices:Endpoint"] = server.OpenAIEndpoint,
            ["AIServices:ModelId"] = "fake-model",
        });
        using var client = host.CreateClient();

        var health = await Get(client, "/healthz");
        Assert.True(health.GetProperty("model").GetProperty("configured").GetBoolean());
        Assert.True(health.GetProperty("model").GetProperty("reachable").GetBoolean());

        var reply = await Ask(client, "What are the risks of using kratom?");
        Assert.Equal("model", reply.GetProperty("composer").GetString());
        Assert.StartsWith("The article lists these risks:", reply.GetProperty("text").GetString());
        Assert.EndsWith(reply.GetProperty("advisory").GetString()!, reply.GetProperty("text").GetString());

        var emergency = await Ask(client, "I think I'm overdosing");
        Assert.Equal("emergency", emergency.GetProperty("status").GetString());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task WithoutAModelHealthzSaysSoAndAnswersStayExtractive()
    {
        await using var host = Host(new Dictionary<string, string?>());
        using var client = host.CreateClient();

        var health = await Get(client, "/healthz");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("model").GetProperty("configured").GetBoolean());
        Assert.False(health.GetProperty("model").GetProperty("reachable").GetBoolean());
        Assert.Equal("extractive", (await Ask(client, "What are the risks of using kratom?")).GetProperty("composer").GetString());
    }

    [Fact]
    public async Task AnUnreachableModelLeavesTheHostReady()
    {
        await using var server = await FakeModelServer.StartAsync(_ => FakeReply.Status(503));
        server.ModelsStatus = 503;
        await using var host = Host(new Dictionary<string, string?>
        {
            ["AIServices:Endpoint"] = server.OpenAIEndpoint,
            ["AIServices:ModelId"] = "fake-model",
        });
        using var client = host.CreateClient();

        var health = await Get(client, "/healthz");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("model").GetProperty("configured").GetBoolean());
        Assert.False(health.GetProperty("model").GetProperty("reachable").GetBoolean());
        Assert.Equal("extractive", (await Ask(client, "What are the risks of using kratom?")).GetProperty("composer").GetString());
    }
}
