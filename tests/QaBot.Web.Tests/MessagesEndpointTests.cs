using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QaBot.Web.Tests;

/// <summary>/api/messages, the Bot Framework endpoint, through the in-memory test server.</summary>
public sealed class MessagesEndpointTests : IClassFixture<QaBotFactory>
{
    private readonly QaBotFactory _factory;

    public MessagesEndpointTests(QaBotFactory factory) => _factory = factory;

    /// <summary>An activity as the Emulator sends it; with expectReplies the replies come back in the response.</summary>
    internal static string Activity(string text, string? deliveryMode = "expectReplies", string serviceUrl = "http://127.0.0.1:9/") => new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = deliveryMode,
        ["from"] = new JsonObject { ["id"] = "user1", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot1", ["name"] = "Bot" },
        ["conversation"] = new JsonObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N") },
    }.ToJsonString();

    private static HttpRequestMessage Post(string body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    [Fact]
    public async Task Expect_replies_returns_typing_and_the_answer_in_the_response()
    {
        var response = await _factory.CreateClient().SendAsync(Post(Activity("Can kratom cause hair loss?")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = body.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["typing", "message"], activities.Select(a => a.GetProperty("type").GetString()));
        var text = activities[1].GetProperty("text").GetString()!;
        Assert.Contains("\n\n> ", text);
        Assert.Contains("This is not medical advice.", text);
        Assert.Equal("markdown", activities[1].GetProperty("textFormat").GetString());
        Assert.Equal("user1", activities[1].GetProperty("recipient").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ")]
    [InlineData("garbage")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_malformed_authorization_header_is_401(string authorization)
    {
        var response = await _factory.CreateClient().SendAsync(Post(Activity("hello"), authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// A well-formed JWT from an issuer the Bot Framework trusts, signed with a key no one
    /// published: validating it needs Microsoft's signing keys, which this host cannot reach (or
    /// would not find the key in), so it is refused.
    /// </summary>
    internal static string UnverifiableToken(string audience)
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = audience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = "http://127.0.0.1:9/" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "unpublished" }, SecurityAlgorithms.RsaSha256),
        });
    }

    [Fact]
    public async Task A_well_formed_token_that_cannot_be_validated_is_401()
    {
        var response = await _factory.CreateClient().SendAsync(Post(Activity("hello"), "Bearer " + UnverifiableToken("bot1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_400()
    {
        var response = await _factory.CreateClient().SendAsync(Post("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>With credentials configured, only requests with a valid token get in.</summary>
public sealed class CredentialsTests : IDisposable
{
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppType"] = "MultiTenant",
    });

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer a.b.c")]
    public async Task A_request_without_a_valid_token_is_401(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(MessagesEndpointTests.Activity("hello"), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_well_formed_token_that_cannot_be_validated_is_401()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(MessagesEndpointTests.Activity("hello"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MessagesEndpointTests.UnverifiableToken("00000000-0000-0000-0000-000000000001"));

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_built_in_direct_line_still_answers()
    {
        var client = _factory.CreateClient();
        var conversation = await DirectLineClient.StartAsync(client);
        var id = await conversation.PostAsync("Can kratom cause hair loss?", "c1");
        var answer = await conversation.WaitForReplyToAsync(id);
        Assert.Contains("\n\n> ", answer.GetProperty("text").GetString());
    }
}
