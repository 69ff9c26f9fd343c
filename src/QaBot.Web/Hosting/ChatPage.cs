using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace QaBot.Web.Hosting;

/// <summary>
/// The page at <c>/</c>: Web Chat over the host's own Direct Line, served with a strict
/// Content-Security-Policy. Its scripts come from this origin only; the styles Web Chat injects
/// carry a nonce made for each response.
/// </summary>
internal static class ChatPage
{
    private const string Placeholder = "{{nonce}}";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("QaBot.Web.Page.index.html")
            ?? throw new InvalidOperationException("The page template is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static RouteHandlerBuilder MapChatPage(this IEndpointRouteBuilder app) => app.MapGet("/", Render).ExcludeFromDescription();

    private static IResult Render(HttpContext http, IOptions<CorsSettings> cors)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce, cors.Value.AllowedOrigins);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Content(Template.Value.Replace(Placeholder, nonce, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Same-origin scripts, styles and calls; no plugins, no base-URI or form tricks. Sites allowed
    /// by <c>Cors:AllowedOrigins</c> may also frame the page.
    /// </summary>
    public static string Policy(string nonce, IEnumerable<string> framers) => string.Join("; ",
        "default-src 'none'",
        $"script-src 'self' 'nonce-{nonce}'",
        $"style-src 'self' 'nonce-{nonce}'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors " + string.Join(' ', framers.Where(IsOrigin).Prepend("'self'")));

    /// <summary>Only a plain origin may go into the header; anything else could change the policy.</summary>
    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/');
}
