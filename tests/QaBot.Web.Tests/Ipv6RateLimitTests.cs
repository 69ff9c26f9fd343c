using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;

namespace QaBot.Web.Tests;

/// <summary>
/// Rate limits group IPv6 clients by their /64 network (one host is given a whole /64): requests reach
/// the real pipeline through the test server, each from the address the test gives it.
/// </summary>
public sealed class Ipv6RateLimitTests : IDisposable
{
    private readonly QaBotFactory _factory = new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:TokenLimit"] = "3",
        ["RateLimiting:TokensPerPeriod"] = "1",
        ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
    });

    public void Dispose() => _factory.Dispose();

    private async Task<int> AskFromAsync(string address)
    {
        var context = await _factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = "POST";
            c.Request.Path = "/api/ask";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"question": "Is kratom addictive?"}"""));
        });
        return context.Response.StatusCode;
    }

    [Fact]
    public async Task Ipv6_addresses_of_one_64_network_share_one_bucket()
    {
        Assert.Equal(200, await AskFromAsync("2001:db8:1:2::1"));
        Assert.Equal(200, await AskFromAsync("2001:db8:1:2::2"));
        Assert.Equal(200, await AskFromAsync("2001:db8:1:2:ffff:ffff:ffff:ffff"));

        Assert.Equal(429, await AskFromAsync("2001:db8:1:2:abcd:1234:5678:9"));
        // The next /64, and IPv4 clients, have buckets of their own; an IPv4 address written as IPv6 is that IPv4 client.
        Assert.Equal(200, await AskFromAsync("2001:db8:1:3::1"));
        Assert.Equal(200, await AskFromAsync("192.0.2.7"));
        Assert.Equal(200, await AskFromAsync("::ffff:192.0.2.7"));
        Assert.Equal(200, await AskFromAsync("192.0.2.7"));
        Assert.Equal(429, await AskFromAsync("::ffff:192.0.2.7"));
    }

    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    [InlineData("::1", "::/64")]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    public void A_client_is_its_ipv4_address_or_its_ipv6_64_network(string address, string client) =>
        Assert.Equal(client, Hosting.RateLimits.Client(IPAddress.Parse(address)));
}
