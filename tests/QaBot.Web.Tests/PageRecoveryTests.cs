using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaBot.Core.Answering;

namespace QaBot.Web.Tests;

/// <summary>
/// The page at / in Debian's Chromium while its conversation goes away under it, and the host restarts
/// on the same address. Records what goes wrong on the page, except the refusals such an end brings.
/// </summary>
internal sealed class RecoveringPage : IAsyncDisposable
{
    public const string EndedNote = "That conversation had ended, so a new one has started.";
    private readonly ChromiumSession _session;

    private RecoveringPage(ChromiumSession session) => _session = session;

    public IPage Page => _session.Page;

    /// <summary>Errors of the page itself, content refused by its policy, requests to anywhere but the host.</summary>
    public List<string> Problems { get; } = [];

    public ILocator Status => Page.Locator("#status");

    public static async Task<RecoveringPage> OpenAsync(Uri address)
    {
        var opened = new RecoveringPage(await Chromium.LaunchAsync());
        var page = opened.Page;
        page.PageError += (_, error) => opened.Problems.Add("page error: " + error);
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) opened.Problems.Add("console: " + message.Text); };
        page.Request += (_, request) =>
        {
            string[] local = [address.ToString(), "blob:" + address.ToString().TrimEnd('/'), "data:"];
            if (!local.Any(prefix => request.Url.StartsWith(prefix, StringComparison.Ordinal))) opened.Problems.Add("request elsewhere: " + request.Url);
        };
        page.SetDefaultTimeout(45_000);
        await page.GotoAsync(address.ToString());
        await opened.WelcomedAsync();
        return opened;
    }

    /// <summary>Waits for the bot's welcome in the Web Chat now on the page.</summary>
    public Task WelcomedAsync() =>
        Page.Locator(".webchat__bubble__content p", new PageLocatorOptions { HasText = "Hello! I answer questions about" }).WaitForAsync();

    public async Task TypeAsync(string text)
    {
        var sendBox = Page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    /// <summary>Waits for a quote of the answer that begins with <paramref name="quote"/>.</summary>
    public Task QuotedAsync(string quote) =>
        Page.Locator("blockquote", new PageLocatorOptions { HasText = quote[..Math.Min(60, quote.Length)] }).First.WaitForAsync();

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}

/// <summary>
/// The page recovers when its conversation is gone: after a restart of a host that kept conversations
/// in memory, and when the conversation sat unused past the idle timeout, the page starts a new one and
/// says so in one line; the question the person sent meanwhile is answered in it, and no "Send failed" stays.
/// </summary>
public sealed class PageRecoveryTests : IDisposable
{
    private readonly List<QaBotFactory> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    private (QaBotFactory Host, Uri Address) Start(Dictionary<string, string?> settings, int port = 0, Action<IServiceCollection>? services = null)
    {
        var host = new QaBotFactory(settings, loopback: true, services: services, port: port);
        _hosts.Add(host);
        return (host, host.StartLoopback());
    }

    private static async Task<string> FirstQuoteAsync(QaBotFactory host, string question) =>
        (await host.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question)).Quotes[0].Text;

    [BrowserFact]
    public async Task After_a_restart_without_redis_the_page_starts_a_new_conversation_says_so_and_answers()
    {
        var (first, address) = Start([]);
        await using var browser = await RecoveringPage.OpenAsync(address);
        await browser.TypeAsync("Can kratom cause hair loss?");
        await browser.QuotedAsync(await FirstQuoteAsync(first, "Can kratom cause hair loss?"));
        await Assertions.Expect(browser.Status).ToBeHiddenAsync();

        first.Dispose();
        var (restarted, _) = Start([], address.Port);
        // The page finds out by itself: its polls fail, and the host no longer knows its token.
        await Assertions.Expect(browser.Status).ToHaveTextAsync(RecoveringPage.EndedNote);
        await browser.WelcomedAsync();
        await browser.TypeAsync("Is kratom addictive?");
        await browser.QuotedAsync(await FirstQuoteAsync(restarted, "Is kratom addictive?"));

        await Assertions.Expect(browser.Page.GetByText("Send failed")).ToHaveCountAsync(0);
        await Assertions.Expect(browser.Status).ToHaveTextAsync(RecoveringPage.EndedNote);
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }

    [BrowserFact]
    public async Task A_question_sent_into_a_conversation_that_has_gone_is_answered_in_a_new_one()
    {
        var (first, address) = Start([]);
        await using var browser = await RecoveringPage.OpenAsync(address);
        var poll = await browser.Page.WaitForRequestAsync(r => r.Url.Contains("/activities?watermark=", StringComparison.Ordinal));
        var conversation = "/conversations/" + poll.Url.Split("/conversations/")[1].Split('/')[0] + "/activities?";
        // The old conversation's polls are answered "nothing new", so the page's next message is the
        // first it hears of the restart.
        await browser.Page.RouteAsync("**/v3/directline/conversations/**", route => route.Request.Method == "GET" && route.Request.Url.Contains(conversation, StringComparison.Ordinal)
            ? route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = """{"activities":[],"watermark":"1"}""" })
            : route.ContinueAsync());
        first.Dispose();
        var (restarted, _) = Start([], address.Port);

        await browser.TypeAsync("Can kratom cause hair loss?");

        await browser.QuotedAsync(await FirstQuoteAsync(restarted, "Can kratom cause hair loss?"));
        await Assertions.Expect(browser.Status).ToHaveTextAsync(RecoveringPage.EndedNote);
        await Assertions.Expect(browser.Page.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(1);
        await Assertions.Expect(browser.Page.GetByText("Send failed")).ToHaveCountAsync(0);
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }

    [BrowserFact]
    public async Task A_conversation_dropped_after_sitting_idle_is_replaced_and_the_page_says_so()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (host, address) = Start(new() { ["ConversationStore:IdleTimeout"] = "00:05:00", ["DirectLine:TokenLifetime"] = "1.00:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        await using var browser = await RecoveringPage.OpenAsync(address);

        clock.Now = clock.Now.AddMinutes(6);

        await Assertions.Expect(browser.Status).ToHaveTextAsync(RecoveringPage.EndedNote);
        await browser.WelcomedAsync();
        await browser.TypeAsync("Can kratom cause hair loss?");
        await browser.QuotedAsync(await FirstQuoteAsync(host, "Can kratom cause hair loss?"));
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }
}
