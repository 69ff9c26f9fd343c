using Microsoft.Extensions.Configuration;
using QaBot.Web.Hosting;

namespace QaBot.Web.Tests;

/// <summary>The bot's own address (localhost:3978) applies only when nothing the ASP.NET Core way names one.</summary>
public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]            // --urls, ASPNETCORE_URLS, Urls in a file
    [InlineData("http_ports", "8080")]                     // ASPNETCORE_HTTP_PORTS
    [InlineData("https_ports", "8443")]                    // ASPNETCORE_HTTPS_PORTS
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void An_address_set_any_usual_way_keeps_the_default_out(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.False(ListenAddresses.NoneConfigured(configuration));
    }

    [Fact]
    public void With_nothing_set_the_default_applies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hosting:ShutdownTimeout"] = "00:00:05" }).Build();

        Assert.True(ListenAddresses.NoneConfigured(configuration));
    }
}
