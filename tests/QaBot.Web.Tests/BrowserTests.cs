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

    [BrowserFact]
    public async Task A_question_typed_into_web_chat_gets_the_quoted_answer_and_the_advice()
    {
        var executable = Chromium.Path;
        Assert.True(executable is not null, Chromium.Missing);
        var expected = await _factory.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(Question);
        Assert.Equal(ReplyStatus.Answered, expected.Status);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1100 } });
        var problems = new List<string>();
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
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(Question);
        await sendBox.PressAsync("Enter");

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
}
