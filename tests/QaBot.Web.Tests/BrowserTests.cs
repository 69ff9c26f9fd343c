using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaBot.Core.Answering;
using Xunit.Abstractions;

namespace QaBot.Web.Tests;

/// <summary>Debian's Chromium, which Playwright drives (no browser is downloaded).</summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"];

    public static string? Path => Candidates.FirstOrDefault(File.Exists);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string Missing = "Chromium is not installed: run `apt-get install -y --no-install-recommends chromium` (CI's .ci/run does).";
}

/// <summary>A test that needs a real browser: skipped without Chromium, except under CI, where it fails and says why.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.UnderCi) Skip = Chromium.Missing;
    }
}

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

    /// <summary>Debian's Chromium with a page that records every console error, failed or foreign request and page error.</summary>
    private sealed class BrowserPage(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public List<string> Problems { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<BrowserPage> OpenAsync()
    {
        var executable = Chromium.Path;
        Assert.True(executable is not null, Chromium.Missing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1100 } });
        var opened = new BrowserPage(playwright, browser, page);
        var problems = opened.Problems;
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"HTTP {response.Status}: {response.Url}"); };
        // Everything comes from the host itself: no CDN, no cloud.
        page.Request += (_, request) =>
        {
            string[] local = [_address.ToString(), "blob:" + _address.ToString().TrimEnd('/'), "data:"];
            if (!local.Any(prefix => request.Url.StartsWith(prefix, StringComparison.Ordinal)))
                problems.Add("request elsewhere: " + request.Url);
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(_address.ToString());
        await page.Locator(".webchat__bubble__content p", new PageLocatorOptions { HasText = "Hello! I answer questions about" }).WaitForAsync();
        return opened;
    }

    private static async Task TypeAsync(IPage page, string text)
    {
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    [BrowserFact]
    public async Task A_question_typed_into_web_chat_gets_the_quoted_answer_and_the_advice()
    {
        var expected = await _factory.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(Question);
        Assert.Equal(ReplyStatus.Answered, expected.Status);
        await using var browser = await OpenAsync();
        var (page, problems) = (browser.Page, browser.Problems);
        await TypeAsync(page, Question);

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

        await TypeAsync(page, Markup);

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
