using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaBot.Web.Tests;

/// <summary>
/// A stand-in for the Emulator's connector: a tiny HTTP server on loopback that takes the bot's
/// replies at <c>/v3/conversations/{id}/activities[/{activityId}]</c> and answers as a connector does.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Path, JsonElement Activity)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    private FakeConnector(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", connector.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.Address = new Uri(address + "/");
        return connector;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var activity = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        await _received.Writer.WriteAsync((request.Path.Value!, activity));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>The next activity the bot sent, waiting for it up to a deadline.</summary>
    public async Task<(string Path, JsonElement Activity)> NextAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The bot as the Emulator uses it: over real loopback HTTP, with replies sent back to the Emulator's connector.</summary>
public sealed class EmulatorTests : IAsyncLifetime
{
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>(), loopback: true);
    private HttpClient _http = null!;
    private FakeConnector _connector = null!;
    private readonly string _conversation = "emu-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = _factory.StartLoopback() };
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
        _factory.Dispose();
    }

    private async Task<string> SendAsync(JsonObject activity)
    {
        var id = Guid.NewGuid().ToString("N");
        activity["id"] = id;
        activity["channelId"] = "emulator";
        activity["serviceUrl"] = _connector.Address.ToString();
        activity["from"] = new JsonObject { ["id"] = "user1", ["name"] = "User", ["role"] = "user" };
        activity["recipient"] = new JsonObject { ["id"] = "bot1", ["name"] = "Bot", ["role"] = "bot" };
        activity["conversation"] = new JsonObject { ["id"] = _conversation };
        var response = await _http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    [Fact]
    public async Task The_emulator_gets_the_welcome_then_typing_and_the_answer_at_its_connector()
    {
        var join = await SendAsync(new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot1" }, new JsonObject { ["id"] = "user1" }),
        });
        var (welcomePath, welcome) = await _connector.NextAsync();
        Assert.Equal($"/v3/conversations/{_conversation}/activities/{join}", welcomePath);
        Assert.StartsWith("Hello!", welcome.GetProperty("text").GetString());
        Assert.True(welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength() > 0);

        var question = await SendAsync(new JsonObject { ["type"] = "message", ["text"] = "Can kratom cause hair loss?" });
        var (typingPath, typing) = await _connector.NextAsync();
        var (answerPath, answer) = await _connector.NextAsync();

        Assert.Equal("typing", typing.GetProperty("type").GetString());
        Assert.Equal($"/v3/conversations/{_conversation}/activities/{question}", typingPath);
        Assert.Equal($"/v3/conversations/{_conversation}/activities/{question}", answerPath);
        Assert.Equal("message", answer.GetProperty("type").GetString());
        Assert.Equal(question, answer.GetProperty("replyToId").GetString());
        Assert.Equal("user1", answer.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("bot1", answer.GetProperty("from").GetProperty("id").GetString());
        var text = answer.GetProperty("text").GetString()!;
        Assert.Contains("\n\n> ", text);
        Assert.Contains("This is not medical advice.", text);
    }
}
