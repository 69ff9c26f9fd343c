using System.Net;

namespace QaBot.Web.Bot;

/// <summary>
/// Where a bot without credentials may send its replies. Anyone can post an activity to
/// <c>/api/messages</c> and name any serviceUrl, and the bot would post its replies there: so only the
/// Emulator on this machine (a loopback address) and the addresses in Bot:AllowedServiceUrls are answered.
/// </summary>
internal static class ServiceUrls
{
    public static bool MayReplyTo(Uri serviceUrl, IEnumerable<string> allowed) =>
        IsLoopback(serviceUrl) || allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var listed) && SameOrigin(listed, serviceUrl));

    /// <summary>A loopback address, or the name localhost; no other name is looked up, since its owner could point it anywhere.</summary>
    private static bool IsLoopback(Uri url)
    {
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost, out var address))
            return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        return string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
