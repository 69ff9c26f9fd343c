using Microsoft.Playwright;

namespace QaBot.Web.Tests;

/// <summary>Debian's Chromium, which Playwright drives (no browser is downloaded).</summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"];

    public static string? Path => Candidates.FirstOrDefault(File.Exists);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string Missing = "Chromium is not installed: run `apt-get install -y --no-install-recommends chromium` (CI's .ci/run does).";

    /// <summary>Starts it headless through Playwright, quiet on the network, with one page.</summary>
    public static async Task<ChromiumSession> LaunchAsync()
    {
        var executable = Path;
        Assert.True(executable is not null, Missing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1100 } });
        return new ChromiumSession(playwright, browser, page);
    }
}

/// <summary>One launched browser with its page; disposing it closes the browser and Playwright.</summary>
internal sealed record ChromiumSession(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

/// <summary>A test that needs a real browser: skipped without Chromium, except under CI, where it fails and says why.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.UnderCi) Skip = Chromium.Missing;
    }
}

/// <summary>
/// Debian's Chromium with one page that records every console error, failed request, HTTP error,
/// page error, and request to any address outside <c>local</c> (nothing may come from a CDN or a cloud).
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly ChromiumSession _session;

    private BrowserPage(ChromiumSession session) => _session = session;

    public IPage Page => _session.Page;

    public List<string> Problems { get; } = [];

    public static async Task<BrowserPage> OpenAsync(params Uri[] local)
    {
        var opened = new BrowserPage(await Chromium.LaunchAsync());
        var page = opened.Page;
        var problems = opened.Problems;
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"HTTP {response.Status}: {response.Url}"); };
        string[] prefixes = [.. local.SelectMany(a => new[] { a.ToString(), "blob:" + a.ToString().TrimEnd('/') }), "data:"];
        page.Request += (_, request) =>
        {
            if (!prefixes.Any(prefix => request.Url.StartsWith(prefix, StringComparison.Ordinal)))
                problems.Add("request elsewhere: " + request.Url);
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.SetDefaultTimeout(30_000);
        return opened;
    }

    /// <summary>Types into Web Chat's send box and sends.</summary>
    public async Task TypeAsync(string text)
    {
        var sendBox = Page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    /// <summary>Waits for the bot's welcome in Web Chat.</summary>
    public Task WelcomedAsync() =>
        Page.Locator(".webchat__bubble__content p", new PageLocatorOptions { HasText = "Hello! I answer questions about" }).WaitForAsync();

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
