using System.Net;

namespace QaBot.Web.Tests;

/// <summary>Another site may embed the chat when its origin is in Cors:AllowedOrigins, and no other may.</summary>
public sealed class CorsTests : IDisposable
{
    private const string Allowed = "https://clinic.example";
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Allowed });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        // What Web Chat's Direct Line client (directlinejs and its Ajax library) sends.
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
        return await _factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/v3/directline/conversations/abc/activities")]
    [InlineData("/api/ask")]
    public async Task An_allowed_origin_may_call_direct_line_and_the_api(string path)
    {
        var response = await PreflightAsync(path, Allowed);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var headers = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("x-ms-bot-agent", headers);
        Assert.Contains("x-requested-with", headers);
    }

    [Fact]
    public async Task An_allowed_origin_may_read_retry_after()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = new StringContent("{}") };
        request.Headers.Add("Origin", Allowed);

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("retry-after", string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant());
    }

    [Fact]
    public async Task Another_origin_may_not()
    {
        var response = await PreflightAsync("/v3/directline/tokens/generate", "https://elsewhere.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_allowed_origin_may_frame_the_page()
    {
        var response = await _factory.CreateClient().GetAsync("/");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains($"frame-ancestors 'self' {Allowed}", policy);
    }
}
