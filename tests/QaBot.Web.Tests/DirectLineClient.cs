using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Web.Tests;

/// <summary>A Direct Line 3.0 client doing what Web Chat's DirectLineJS does in polling mode.</summary>
internal sealed class DirectLineClient(HttpClient http, string conversationId, string token)
{
    public string ConversationId { get; } = conversationId;

    public string Token { get; } = token;

    public string Watermark { get; private set; } = "";

    /// <summary>The page's token request, then DirectLineJS's connect with it.</summary>
    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        var generated = await http.PostAsync("v3/directline/tokens/generate", null);
        generated.EnsureSuccessStatusCode();
        var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await http.SendAsync(start);
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        return new DirectLineClient(http, conversation.GetProperty("conversationId").GetString()!, conversation.GetProperty("token").GetString()!);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, $"v3/directline/conversations/{ConversationId}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return request;
    }

    /// <summary>Posts a message as Web Chat does, with a client activity id; returns the server's id for it.</summary>
    public Task<string> PostAsync(string text, string clientActivityId) => PostJsonAsync(new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "r_user", ["name"] = "" },
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    }.ToJsonString());

    /// <summary>Posts any body as an activity and returns the response, whatever its status.</summary>
    public async Task<HttpResponseMessage> SendActivityAsync(HttpContent body)
    {
        using var request = Request(HttpMethod.Post, "/activities");
        request.Content = body;
        return await http.SendAsync(request);
    }

    /// <summary>Posts an activity written by hand (any JSON, however odd); returns the server's id for it.</summary>
    public async Task<string> PostJsonAsync(string activity)
    {
        var response = await SendActivityAsync(new StringContent(activity, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>One poll: the activities after the watermark, which then moves on.</summary>
    public async Task<List<JsonElement>> PollAsync()
    {
        using var request = Request(HttpMethod.Get, "/activities?watermark=" + Uri.EscapeDataString(Watermark));
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        var watermark = set.GetProperty("watermark");
        Assert.Equal(JsonValueKind.String, watermark.ValueKind);
        Watermark = watermark.GetString()!;
        return set.GetProperty("activities").EnumerateArray().ToList();
    }

    /// <summary>Polls until the bot's message replying to <paramref name="activityId"/> arrives; every activity seen is kept in <paramref name="seen"/>.</summary>
    public async Task<JsonElement> WaitForReplyToAsync(string activityId, List<JsonElement>? seen = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var activity in await PollAsync())
            {
                seen?.Add(activity);
                if (activity.GetProperty("type").GetString() == "message"
                    && activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == activityId)
                    return activity;
            }
            // DirectLineJS polls once a second; a test polls a little faster until its deadline.
            await Task.Delay(100, deadline.Token);
        }
    }
}
