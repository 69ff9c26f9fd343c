using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaBot.Ai.Tests;

/// <summary>One chat completion request as the fake server received it.</summary>
public sealed partial record ChatRequest(string Path, string Model, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> Tools, IReadOnlyDictionary<string, string> Headers)
{
    public string? System => Messages.FirstOrDefault(m => m.Role == "system")?.Content;

    public string User => Messages.Last(m => m.Role == "user").Content;

    public IReadOnlyList<ChatMessage> ToolResults => Messages.Where(m => m.Role == "tool").ToList();

    /// <summary>The passage ids the model was shown in the question, best first.</summary>
    public IReadOnlyList<string> OfferedIds => Ids(User);

    /// <summary>The ids its searches returned, in order.</summary>
    public IReadOnlyList<string> SearchedIds => ToolResults.SelectMany(m => Ids(m.Content)).ToList();

    public static IReadOnlyList<string> Ids(string text) => PassageId().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(@"^\[([^\[\]\s]+#\d+)\]", RegexOptions.Multiline)]
    private static partial Regex PassageId();
}

public sealed record ChatMessage(string Role, string Content, string? ToolCallId);

/// <summary>What the fake model answers: content, a search call, an HTTP error, or any of them late.</summary>
public abstract record FakeReply
{
    public static FakeReply Text(string content) => new ContentReply(content);

    /// <summary>The JSON the prompt asks for.</summary>
    public static FakeReply Draft(string leadIn, IEnumerable<object> quotes) =>
        Text(JsonSerializer.Serialize(new { lead_in = leadIn, quotes = quotes.ToList() }));

    /// <summary>Cites these ids whole.</summary>
    public static FakeReply Cite(string leadIn, IEnumerable<string> ids) => Draft(leadIn, ids.Select(id => (object)new { id }));

    public static FakeReply Search(params string[] queries) => new SearchReply(queries);

    public static FakeReply Status(int code) => new StatusReply(code);

    public FakeReply After(TimeSpan delay) => new LateReply(delay, this);

    private sealed record ContentReply(string Content) : FakeReply;
    private sealed record SearchReply(string[] Queries) : FakeReply;
    private sealed record StatusReply(int Code) : FakeReply;
    private sealed record LateReply(TimeSpan Delay, FakeReply Reply) : FakeReply;

    internal async Task WriteAsync(HttpContext http)
    {
        switch (this)
        {
            case LateReply late:
                try { await Task.Delay(late.Delay, http.RequestAborted); }
                catch (OperationCanceledException) { return; }
                await late.Reply.WriteAsync(http);
                return;
            case StatusReply status:
                http.Response.StatusCode = status.Code;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "The fake model failed on purpose.", type = "server_error" } });
                return;
            case SearchReply search:
                var calls = new JsonArray(search.Queries.Select((q, i) => (JsonNode)new JsonObject
                {
                    ["id"] = $"call_{i + 1}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = "article-search", ["arguments"] = JsonSerializer.Serialize(new { query = q }) },
                }).ToArray());
                await Completion(http, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = calls }, "tool_calls");
                return;
            case ContentReply content:
                await Completion(http, new JsonObject { ["role"] = "assistant", ["content"] = content.Content }, "stop");
                return;
        }
    }

    private static Task Completion(HttpContext http, JsonObject message, string finish)
    {
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        };
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString());
    }
}

/// <summary>
/// An OpenAI-compatible chat server on loopback (and the Azure OpenAI deployment route), answering
/// by a script, so the Semantic Kernel connector is exercised over real HTTP.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _modelListings;

    private FakeModelServer(Func<ChatRequest, FakeReply> script)
    {
        Script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", Chat);
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", Chat);
        _app.MapPost("/v1/embeddings", (Delegate)Embeddings);
        _app.MapGet("/v1/models", Models);
        _app.MapGet("/openai/models", Models);
    }

    public Func<ChatRequest, FakeReply> Script { get; set; }

    /// <summary>Status for GET /models; 200 lists one model.</summary>
    public int ModelsStatus { get; set; } = 200;

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    public int ModelListings => Volatile.Read(ref _modelListings);

    /// <summary>Texts the embeddings endpoint was asked for, in order.</summary>
    public ConcurrentQueue<string> Embedded { get; } = new();

    /// <summary>Size of the fake embedding vectors.</summary>
    public const int EmbeddingSize = 16;

    /// <summary>http://127.0.0.1:PORT</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The OpenAI-compatible endpoint, as configured for Ollama and the like.</summary>
    public string OpenAIEndpoint => BaseUrl + "/v1";

    public static async Task<FakeModelServer> StartAsync(Func<ChatRequest, FakeReply> script)
    {
        var server = new FakeModelServer(script);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The model of the development test: it cites the ids it was given, best first.</summary>
    public static FakeReply CitesWhatItIsGiven(ChatRequest request) =>
        FakeReply.Cite("The article says this about your question:", request.OfferedIds.Take(3));

    private async Task Chat(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var root = json.RootElement;
        var request = new ChatRequest(
            http.Request.Path.Value ?? "",
            root.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
            root.GetProperty("messages").EnumerateArray().Select(m => new ChatMessage(
                m.GetProperty("role").GetString() ?? "",
                Content(m),
                m.TryGetProperty("tool_call_id", out var call) ? call.GetString() : null)).ToList(),
            root.TryGetProperty("tools", out var tools) ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString() ?? "").ToList() : [],
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(request);
        await Script(request).WriteAsync(http);
    }

    private static string Content(JsonElement message) =>
        !message.TryGetProperty("content", out var content) ? ""
        : content.ValueKind == JsonValueKind.String ? content.GetString() ?? ""
        : content.ValueKind == JsonValueKind.Array ? string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""))
        : "";

    /// <summary>
    /// A deterministic vector per text (letter counts folded into 16 numbers): texts sharing
    /// letters are near, which is all the wiring tests need of a remote embedding model.
    /// </summary>
    private async Task<IResult> Embeddings(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var input = json.RootElement.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(t => t.GetString() ?? "").ToList() : [input.GetString() ?? ""];
        foreach (var t in texts) Embedded.Enqueue(t);
        var data = texts.Select((t, i) =>
        {
            var v = new float[EmbeddingSize];
            foreach (var c in t.ToLowerInvariant()) v[c % EmbeddingSize] += 1;
            v[0] += 0.5f;
            return new { @object = "embedding", index = i, embedding = v };
        }).ToList();
        return Results.Json(new { @object = "list", data, model = json.RootElement.GetProperty("model").GetString(), usage = new { prompt_tokens = 1, total_tokens = 1 } });
    }

    private IResult Models()
    {
        Interlocked.Increment(ref _modelListings);
        return ModelsStatus == 200
            ? Results.Json(new { @object = "list", data = new[] { new { id = "fake-model", @object = "model" } } })
            : Results.StatusCode(ModelsStatus);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
