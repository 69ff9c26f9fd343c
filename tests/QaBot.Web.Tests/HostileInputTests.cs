using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Tests.Shared;
using QaBot.Web.Bot;

namespace QaBot.Web.Tests;

/// <summary>
/// One host for the hostile inputs, with body limits raised so that even the 50,000-character
/// questions reach the answering code (the limits themselves are tested at their defaults in
/// <see cref="LimitsTests"/>).
/// </summary>
public sealed class HostileHostFixture : IDisposable
{
    public HostileHostFixture()
    {
        Factory = new QaBotFactory(new Dictionary<string, string?>
        {
            ["Api:MaxBodyBytes"] = "1000000",
            ["Bot:MaxActivityBytes"] = "1000000",
            ["DirectLine:MaxActivityBytes"] = "1000000",
        });
        Client = Factory.CreateClient();
        Advisory = Factory.Services.GetRequiredService<IOptions<SafetyOptions>>().Value.Advisory;
    }

    public QaBotFactory Factory { get; }

    public HttpClient Client { get; }

    public string Advisory { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}

/// <summary>What every bot message must be, whatever it was asked.</summary>
internal static partial class BotReply
{
    /// <summary>A message ending with the advice, with no live markup: every &lt; and link bracket escaped.</summary>
    public static void AssertSafeWithAdvice(JsonElement message, string advisory)
    {
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("markdown", message.GetProperty("textFormat").GetString());
        var text = message.GetProperty("text").GetString()!;
        Assert.EndsWith(ReplyMarkdown.Advice(advisory), text);
        Assert.DoesNotMatch(LiveMarkup(), text);
    }

    /// <summary>An unescaped tag or Markdown link: what a renderer would turn into HTML or a link.</summary>
    [GeneratedRegex(@"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\(")]
    private static partial Regex LiveMarkup();
}

/// <summary>
/// The hostile list (<see cref="HostileInputs"/>, the list the core and CLI tests send) through
/// every web path: /api/ask, /api/messages (expectReplies) and the Direct Line. Never an exception,
/// a 5xx or a hang: an answer or a polite reply, with the advice.
/// </summary>
public sealed class HostileInputTests(HostileHostFixture host) : IClassFixture<HostileHostFixture>
{
    /// <summary>
    /// The input as a JSON string literal with every character outside printable ASCII escaped, as
    /// a hostile client would write it: lone surrogates and control characters arrive as they are,
    /// not replaced by a well-behaved serializer.
    /// </summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Theory), MemberType = typeof(HostileInputs))]
    public async Task Ask_answers_or_explains_the_problem(string question)
    {
        var response = await host.Client.PostAsync("/api/ask", new StringContent($$"""{"question": {{Quote(question)}}}""", Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        if (string.IsNullOrWhiteSpace(question) || !HostileInputs.IsValidUnicode(question))
        {
            // No question, or a lone surrogate, which strict JSON cannot carry: problem details saying so.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("detail").GetString()));
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(host.Advisory, root.GetProperty("advisory").GetString());
        Assert.EndsWith(host.Advisory, root.GetProperty("text").GetString());
        Assert.Contains(root.GetProperty("status").GetString(), new[] { "answered", "not_found", "emergency", "chitchat" });
        Assert.DoesNotContain("<script", root.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Theory), MemberType = typeof(HostileInputs))]
    public async Task Messages_answer_with_the_advice(string question)
    {
        var conversation = "hostile-" + Guid.NewGuid().ToString("N");
        var activity = $$"""
            {"type": "message", "id": "q1", "text": {{Quote(question)}}, "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9/",
             "deliveryMode": "expectReplies", "from": {"id": "user1"}, "recipient": {"id": "bot1"}, "conversation": {"id": "{{conversation}}"} }
            """;

        var response = await host.Client.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = body.RootElement.GetProperty("activities").EnumerateArray().ToList();
        var message = Assert.Single(activities, a => a.GetProperty("type").GetString() == "message");
        BotReply.AssertSafeWithAdvice(message, host.Advisory);
        Assert.All(activities, a => Assert.Equal(conversation, a.GetProperty("conversation").GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Theory), MemberType = typeof(HostileInputs))]
    public async Task Direct_line_answers_with_the_advice(string question)
    {
        var conversation = await DirectLineClient.StartAsync(host.Client);
        await conversation.PollAsync();

        var id = await conversation.PostJsonAsync($$"""{"type": "message", "text": {{Quote(question)}}, "from": {"id": "r_user"} }""");
        var answer = await conversation.WaitForReplyToAsync(id);

        BotReply.AssertSafeWithAdvice(answer, host.Advisory);
        Assert.Equal(conversation.ConversationId, answer.GetProperty("conversation").GetProperty("id").GetString());
    }
}
