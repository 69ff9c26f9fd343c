using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaBot.Core.Answering;

namespace QaBot.Web.Tests;

/// <summary>
/// Web Chat embedded the documented way in a page of another site (a second loopback origin):
/// the bundle and a token come from the bot's origin, and every Direct Line call is cross-origin,
/// preflighted with the headers Web Chat really sends.
/// </summary>
public sealed class CrossOriginEmbedTests : IAsyncLifetime
{
    private const string Question = "Can kratom cause hair loss?";
    private EmbeddingSite _site = null!;
    private QaBotFactory _bot = null!;
    private Uri _botAddress = null!;

    public async Task InitializeAsync()
    {
        _site = await EmbeddingSite.StartAsync();
        _bot = new QaBotFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = _site.Origin }, loopback: true);
        _botAddress = _bot.StartLoopback();
        _site.Embed(_botAddress);
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _site.DisposeAsync();
    }

    [BrowserFact]
    public async Task A_page_on_an_allowed_origin_chats_through_the_embedded_web_chat()
    {
        var expected = await _bot.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(Question);
        await using var browser = await BrowserPage.OpenAsync(new Uri(_site.Origin + "/"), _botAddress);
        var page = browser.Page;

        await page.GotoAsync(_site.Origin + "/");
        await browser.WelcomedAsync();
        await browser.TypeAsync(Question);

        var answer = page.Locator(".webchat__bubble__content", new PageLocatorOptions { Has = page.Locator("blockquote") });
        await Assertions.Expect(answer.Locator("blockquote").First).ToContainTextAsync(expected.Quotes[0].Text[..60]);
        await Assertions.Expect(answer.Locator("em", new LocatorLocatorOptions { HasText = expected.Advisory })).ToHaveCountAsync(1);
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }

    [BrowserFact]
    public async Task A_page_on_another_origin_gets_no_token_and_says_the_chat_is_not_available()
    {
        // The same site under another name is another origin, and not in Cors:AllowedOrigins.
        var elsewhere = _site.Origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/";
        await using var browser = await BrowserPage.OpenAsync(new Uri(elsewhere), _botAddress);
        var page = browser.Page;

        await page.GotoAsync(elsewhere);

        await Assertions.Expect(page.Locator("#qabot")).ToHaveTextAsync("The chat is not available right now.");
        await Assertions.Expect(page.Locator("[data-id='webchat-sendbox-input']")).ToHaveCountAsync(0);
        Assert.Contains(browser.Problems, p => p.Contains("CORS", StringComparison.Ordinal));
    }
}
