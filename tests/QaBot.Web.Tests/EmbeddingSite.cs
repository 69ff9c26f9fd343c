using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QaBot.Core.Hosting;

namespace QaBot.Web.Tests;

/// <summary>
/// Another web site on its own loopback origin, serving one page: the embed snippet of
/// docs/web-chat.md, word for word, with the bot's address in place of the example's.
/// </summary>
internal sealed partial class EmbeddingSite : IAsyncDisposable
{
    private const string ExampleBot = "https://bot.example.org";
    private WebApplication _app = null!;
    private string _page = "";

    /// <summary>The site's origin, as a browser sends it in the Origin header.</summary>
    public string Origin { get; private set; } = "";

    public static async Task<EmbeddingSite> StartAsync()
    {
        var site = new EmbeddingSite();
        (site._app, var address) = await LoopbackApp.StartAsync(app => app.MapGet("/", () => Results.Content(
            $"<!doctype html><html><head><title>A clinic</title><link rel='icon' href='data:,'></head><body><h1>A clinic's page</h1>{site._page}</body></html>",
            "text/html; charset=utf-8")));
        site.Origin = address.TrimEnd('/');
        return site;
    }

    /// <summary>The page embeds the chat of the bot at <paramref name="bot"/>.</summary>
    public void Embed(Uri bot) => _page = Snippet().Replace(ExampleBot, bot.ToString().TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The HTML block under "Embedding the chat in another site" in docs/web-chat.md.</summary>
    public static string Snippet()
    {
        var doc = File.ReadAllText(Path.Combine(QaBotRoot.Find(), "docs", "web-chat.md"));
        var section = doc[doc.IndexOf("### Embedding the chat in another site", StringComparison.Ordinal)..];
        return HtmlBlock().Match(section) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("docs/web-chat.md has no html block under its embedding section.");
    }

    [GeneratedRegex("```html\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HtmlBlock();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
