using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

namespace QaBot.Web.Tests;

/// <summary>A body sent without Content-Length (chunked), so only reading it shows its size.</summary>
internal sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>Body limits and malformed bodies on /api/messages and the Direct Line, at the default settings.</summary>
public sealed class LimitsTests(QaBotFactory factory) : IClassFixture<QaBotFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private T Options<T>() where T : class => factory.Services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>An expectReplies activity padded to <paramref name="bytes"/> bytes with a long question.</summary>
    private static string ActivityOfSize(int bytes)
    {
        var activity = MessagesEndpointTests.Activity("");
        return MessagesEndpointTests.Activity(new string('a', bytes - activity.Length));
    }

    [Fact]
    public async Task Messages_refuse_an_activity_past_the_limit_with_413()
    {
        var limit = Options<BotOptions>().MaxActivityBytes;
        var client = factory.CreateClient();

        var fits = await client.PostAsync("/api/messages", Json(ActivityOfSize(limit)));
        var over = await client.PostAsync("/api/messages", Json(ActivityOfSize(limit + 1)));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Messages_refuse_a_chunked_activity_past_the_limit_with_413()
    {
        var limit = Options<BotOptions>().MaxActivityBytes;
        var content = new ChunkedContent(Encoding.UTF8.GetBytes(ActivityOfSize(limit + 1)));
        content.Headers.ContentType = new("application/json");

        var response = await factory.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Direct_line_refuses_an_activity_or_token_request_past_the_limit_with_413()
    {
        var limit = Options<DirectLineOptions>().MaxActivityBytes;
        var client = factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);

        var posted = await conversation.SendActivityAsync(Json($$"""{"type": "message", "text": "{{new string('a', limit)}}"}"""));
        var generated = await client.PostAsync("v3/directline/tokens/generate", new ChunkedContent(new byte[limit + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Equal("MessageSizeTooBig", JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, generated.StatusCode);
    }

    /// <summary>Bodies that are not JSON, not an object, or an object that is not an activity the bot can answer.</summary>
    public static TheoryData<string> NotActivities => new()
    {
        "", "{not json", "{\"type\": \"message\", ", "[]", "\"message\"", "null", "42", "{}", "{\"type\": \"\"}",
        "{\"type\": \"message\", \"timestamp\": \"not a date\"}",
        "{\"type\": \"message\", \"from\": \"not an object\"}",
        "{\"type\": \"message\", \"attachments\": {\"not\": \"a list\"}}",
        "{\"type\": \"message\", \"channelData\": " + new string('[', 200) + new string(']', 200) + "}",
    };

    [Theory]
    [MemberData(nameof(NotActivities))]
    public async Task Messages_answer_a_body_that_is_not_an_activity_with_400(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NotActivities))]
    public async Task Direct_line_answers_a_body_that_is_not_an_activity_with_400(string body)
    {
        var client = factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);

        var response = await conversation.SendActivityAsync(Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bodies_that_are_not_utf8_are_400_on_both_bot_paths()
    {
        var client = factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await conversation.SendActivityAsync(new ByteArrayContent([0x7B, 0xFF, 0xFE, 0xC3, 0x28, 0x7D]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/messages", new ByteArrayContent([0x7B, 0xFF, 0xFE, 0xC3, 0x28, 0x7D]))).StatusCode);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("{\"user\": \"not an object\"}", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.OK)]
    [InlineData("{\"user\": {\"id\": \"dl_someone\"}}", HttpStatusCode.OK)]
    [InlineData("null", HttpStatusCode.OK)]
    public async Task A_token_request_is_empty_or_json_naming_a_user(string body, HttpStatusCode expected)
    {
        var response = await factory.CreateClient().PostAsync("v3/directline/tokens/generate", Json(body));

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>
    /// Activities that leave out what every channel sends: 400 on /api/messages, where the
    /// channel writes them; the Direct Line fills them in itself and answers.
    /// </summary>
    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"deliveryMode\": \"expectReplies\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"deliveryMode\": \"expectReplies\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"not a uri\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"ftp://127.0.0.1/\", \"conversation\": {\"id\": \"c\"}, \"channelId\": \"emulator\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"deliveryMode\": \"expectReplies\", \"conversation\": {\"id\": \" \"}, \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": \"emulator\"}")]
    public async Task Incomplete_activities_are_400_on_messages_and_answered_on_direct_line(string body)
    {
        var client = factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);

        var messages = await client.PostAsync("/api/messages", Json(body));
        var directLine = await conversation.SendActivityAsync(Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, messages.StatusCode);
        Assert.Equal("application/problem+json", messages.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, directLine.StatusCode);
    }

    /// <summary>Activities of every other kind: a polite reply or none, never an error.</summary>
    [Theory]
    [InlineData("event")]
    [InlineData("invoke")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("endOfConversation")]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    [InlineData("something-new")]
    public async Task Other_activity_types_never_fail_on_either_bot_path(string type)
    {
        var client = factory.CreateClient();
        var activity = JsonSerializer.Serialize(new
        {
            type, id = "a1", name = "x", channelId = "emulator", serviceUrl = "http://127.0.0.1:9/", deliveryMode = "expectReplies",
            from = new { id = "user1" }, recipient = new { id = "bot1" }, conversation = new { id = "c-" + Guid.NewGuid().ToString("N") },
        });
        var conversation = await DirectLineClient.StartAsync(client);

        var messages = await client.PostAsync("/api/messages", Json(activity));
        var directLine = await conversation.SendActivityAsync(Json(activity));

        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
        Assert.Equal(HttpStatusCode.OK, directLine.StatusCode);
    }
}

/// <summary>Every path answers a question past Answering:MaxQuestionChars from its start, as the core does.</summary>
public sealed class QuestionLengthTests : IDisposable
{
    private const int Limit = 100;
    private const string Head = "Can kratom cause hair loss?";
    private const string Tail = "My friend took too many pills and is not breathing, what do I do?";
    private static readonly string Long = Head.PadRight(Limit) + Tail;
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?> { ["Answering:MaxQuestionChars"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    private readonly HttpClient _client;

    public QuestionLengthTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        var response = await _client.PostAsync("/api/ask", new StringContent(JsonSerializer.Serialize(new { question }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<string> MessagesAsync(string question)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(MessagesEndpointTests.Activity(question), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("activities");
        return activities.EnumerateArray().Single(a => a.GetProperty("type").GetString() == "message").GetProperty("text").GetString()!;
    }

    private async Task<string> DirectLineAsync(string question)
    {
        var conversation = await DirectLineClient.StartAsync(_client);
        var answer = await conversation.WaitForReplyToAsync(await conversation.PostAsync(question, "c1"));
        return answer.GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task The_tail_past_the_limit_would_change_the_answer()
    {
        Assert.Equal("emergency", (await AskAsync(Tail)).GetProperty("status").GetString());
        Assert.Equal("answered", (await AskAsync(Long)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ask_answers_from_the_questions_start() =>
        Assert.Equal((await AskAsync(Long[..Limit])).ToString(), (await AskAsync(Long)).ToString());

    [Fact]
    public async Task Messages_answer_from_the_questions_start() =>
        Assert.Equal(await MessagesAsync(Long[..Limit]), await MessagesAsync(Long));

    [Fact]
    public async Task Direct_line_answers_from_the_questions_start() =>
        Assert.Equal(await DirectLineAsync(Long[..Limit]), await DirectLineAsync(Long));
}

/// <summary>Flooding the Direct Line: conversations and activities held in memory stay within their bounds.</summary>
public sealed class DirectLineFloodTests : IDisposable
{
    private const int MaxConversations = 5;
    private const int MaxActivities = 10;
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>
    {
        ["ConversationStore:MaxConversations"] = MaxConversations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DirectLine:MaxActivitiesPerConversation"] = MaxActivities.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
    private readonly HttpClient _client;

    public DirectLineFloodTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Past_the_limit_new_conversations_are_refused_and_the_open_ones_and_their_state_go_on()
    {
        var storage = _factory.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        var first = await DirectLineClient.StartAsync(_client);
        await first.WaitForReplyToAsync(await first.PostAsync("Can kratom cause hair loss?", "c1"));
        for (var i = 1; i < MaxConversations; i++) await DirectLineClient.StartAsync(_client);

        for (var i = 0; i < 4 * MaxConversations; i++)
        {
            var token = JsonDocument.Parse(await (await _client.PostAsync("v3/directline/tokens/generate", null)).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
            using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
            start.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var refused = await _client.SendAsync(start);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        Assert.Equal(MaxConversations, ((Store.InProcessConversations)_factory.Services.GetRequiredService<Store.IConversationStore>()).Count);
        var more = await first.WaitForReplyToAsync(await first.PostAsync("tell me more", "c2"));
        Assert.Contains("\n\n> ", more.GetProperty("text").GetString());
        Assert.NotEmpty(await storage.ReadAsync([$"directline/conversations/{first.ConversationId}"]));
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities_and_still_answers()
    {
        var conversation = await DirectLineClient.StartAsync(_client);
        string last = "";
        for (var i = 0; i < 3 * MaxActivities; i++) last = await conversation.PostAsync("Is kratom addictive?", "c" + i);

        var held = await conversation.PollAsync();

        Assert.Equal(MaxActivities, held.Count);
        // Every activity was numbered (welcome, then echo, typing and answer per question); only the newest are held.
        Assert.Equal((1 + 3 * 3 * MaxActivities).ToString(System.Globalization.CultureInfo.InvariantCulture), conversation.Watermark);
        var answer = held[^1];
        Assert.Equal(last, answer.GetProperty("replyToId").GetString());
        Assert.Contains("\n\n> ", answer.GetProperty("text").GetString());
    }
}
