using Microsoft.AspNetCore.Hosting;

namespace QaBot.Web.Hosting;

/// <summary>
/// Where the host listens, the ASP.NET Core way: Kestrel:Endpoints, then --urls, ASPNETCORE_URLS
/// (or Urls in a configuration file), then ASPNETCORE_HTTP_PORTS / HTTPS_PORTS, each with the
/// framework's own precedence. Only when none of them is set does the bot take its conventional
/// address, <see cref="HostingOptions.DefaultUrls"/> (http://localhost:3978, where the Emulator looks).
/// </summary>
public static class ListenAddresses
{
    /// <summary>True when the configuration names no address or port of its own.</summary>
    public static bool NoneConfigured(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>Applies <see cref="HostingOptions.DefaultUrls"/> when nothing else says where to listen.</summary>
    public static WebApplicationBuilder UseDefaultUrlsWhenUnset(this WebApplicationBuilder builder)
    {
        if (NoneConfigured(builder.Configuration))
        {
            var hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
            builder.WebHost.UseUrls(hosting.DefaultUrls);
        }
        return builder;
    }
}
