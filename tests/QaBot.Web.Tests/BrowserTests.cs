using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaBot.Core.Answering;
using Xunit.Abstractions;

namespace QaBot.Web.Tests;

/// <summary>A person in a real browser: the page at / on the real host, Web Chat, a typed question, the rendered answer.</summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Question = "Can kratom cause hair loss?";
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>(), loopback: true);
    private readonly ITestOutputHelper _output;
    private Uri _address = null!;

    public BrowserTests(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync()
    {
        _address = _factory.StartLoopback();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<BrowserPage> OpenAsync()
    {
        var browser = await BrowserPage.OpenAsync(_address);
        await browser.Page.GotoAsync(_address.ToString());
        await browser.WelcomedAsync();
        return browser;
    }

    [BrowserFact]
    public async Task A_question_typed_into_web_chat_gets_the_quoted_answer_and_the_advice()
    {
        var expected = await _factory.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(Question);
        Assert.Equal(ReplyStatus.Answered, expected.Status);
        await using var browser = await OpenAsync();
        var (page, problems) = (browser.Page, browser.Problems);
        await browser.TypeAsync(Question);

        // The answer: its first quote rendered as a blockquote (Markdown, not "> " text), then the advice.
        var quote = page.Locator("blockquote", new PageLocatorOptions { HasText = expected.Quotes[0].Text[..60] });
        await quote.First.WaitForAsync();
        var answer = page.Locator(".webchat__bubble__content", new PageLocatorOptions { Has = page.Locator("blockquote") });
        await Assertions.Expect(answer).ToHaveCountAsync(1);
        await Assertions.Expect(answer.Locator("blockquote")).ToHaveCountAsync(expected.Quotes.Count);
        await Assertions.Expect(answer).ToContainTextAsync(expected.Quotes[0].Section);
        await Assertions.Expect(answer.Locator("em", new LocatorLocatorOptions { HasText = expected.Advisory })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user")).ToContainTextAsync(Question);
        Assert.DoesNotContain("\n> ", await answer.InnerTextAsync());

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat-answer.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        _output.WriteLine("Screenshot: " + screenshot);

        // The page's Content-Security-Policy let Web Chat run: nothing was refused, nothing failed,
        // nothing was fetched from anywhere but the host.
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task Markup_typed_into_web_chat_is_shown_as_text_and_never_runs()
    {
        const string Markup = "<script>window.qabotInjected = 1</script> <img src=x onerror=\"window.qabotInjected = 2\"> [click](javascript:window.qabotInjected=3) <b>bold</b>";
        var advisory = (await _factory.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(Markup)).Advisory;
        await using var browser = await OpenAsync();
        var page = browser.Page;

        await browser.TypeAsync(Markup);

        // The reply came (the welcome and the reply each end with the advice) ...
        await Assertions.Expect(page.Locator(".webchat__bubble__content em", new PageLocatorOptions { HasText = advisory })).ToHaveCountAsync(2);
        // ... and the person's own words are shown as they typed them: text, not a tag, link or image.
        var mine = page.Locator(".webchat__bubble--from-user");
        await Assertions.Expect(mine).ToContainTextAsync("<script>window.qabotInjected = 1</script>");
        await Assertions.Expect(mine).ToContainTextAsync("<b>bold</b>");
        var transcript = page.Locator(".webchat__basic-transcript");
        await Assertions.Expect(transcript.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(transcript.Locator("img[src='x']")).ToHaveCountAsync(0);
        await Assertions.Expect(transcript.Locator("b", new LocatorLocatorOptions { HasText = "bold" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href^='javascript']")).ToHaveCountAsync(0);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.qabotInjected"));
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }
}
