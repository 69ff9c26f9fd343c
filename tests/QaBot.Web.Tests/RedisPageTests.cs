using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QaBot.Core.Answering;

namespace QaBot.Web.Tests;

/// <summary>
/// The page at / in Debian's Chromium, with conversations on Redis: the host restarts under the page,
/// and the person's conversation simply goes on (same transcript, "tell me more" follows the question
/// asked before the restart), with no line about a new conversation.
/// </summary>
public sealed class RedisPageTests(RedisServer server) : IClassFixture<RedisServer>, IDisposable
{
    private readonly string _prefix = RedisServer.NewPrefix();
    private readonly List<QaBotFactory> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    private (QaBotFactory Host, Uri Address) Start(int port = 0)
    {
        var host = new QaBotFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = server.ConnectionString,
            ["ConversationStore:KeyPrefix"] = _prefix,
        }, loopback: true, port: port);
        _hosts.Add(host);
        return (host, host.StartLoopback());
    }

    [BrowserFact]
    public async Task After_a_restart_the_page_goes_on_with_the_same_conversation()
    {
        var (first, address) = Start();
        var reply = await first.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync("Can kratom cause hair loss?");
        var more = await first.Services.GetRequiredService<IQuestionAnswerer>().AnswerAsync("Can kratom cause hair loss?", reply.Quotes.Count);
        await using var browser = await RecoveringPage.OpenAsync(address);
        await browser.TypeAsync("Can kratom cause hair loss?");
        await browser.QuotedAsync(reply.Quotes[0].Text);

        first.Dispose();
        Start(address.Port);
        await browser.TypeAsync("tell me more");

        await browser.QuotedAsync(more.Quotes[0].Text);
        await Assertions.Expect(browser.Page.Locator(".webchat__bubble__content p", new PageLocatorOptions { HasText = "Hello! I answer questions about" })).ToHaveCountAsync(1);
        await Assertions.Expect(browser.Page.Locator("blockquote", new PageLocatorOptions { HasText = reply.Quotes[0].Text[..60] })).ToHaveCountAsync(1);
        await Assertions.Expect(browser.Status).ToBeHiddenAsync();
        await Assertions.Expect(browser.Page.GetByText("Send failed")).ToHaveCountAsync(0);
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }
}
