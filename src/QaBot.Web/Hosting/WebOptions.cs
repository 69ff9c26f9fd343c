using System.ComponentModel.DataAnnotations;

namespace QaBot.Web.Hosting;

/// <summary>
/// The Bot Framework credentials: the standard keys, at the root of appsettings.json where every
/// Bot Framework host keeps them. All empty: the Emulator connects without credentials. Set:
/// requests without a valid token get 401.
/// </summary>
public sealed class BotCredentialsOptions
{
    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";
    public string MicrosoftAppType { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How the bot talks (section "Bot").</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Example questions offered as suggested actions: on welcome and after answers.</summary>
    public List<string> ExampleQuestions { get; set; } = [];

    /// <summary>Most suggested actions under one message.</summary>
    [Range(0, 10)] public int MaxSuggestions { get; set; } = 4;

    /// <summary>Largest activity <c>/api/messages</c> reads, in bytes; a larger one gets 413.</summary>
    [Range(1024, 10_000_000)] public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Without credentials (MicrosoftAppId empty) the bot replies only to a loopback serviceUrl, the
    /// Emulator on this machine; these addresses ("http://10.0.0.5:5000") are let in as well.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>How long one call to a channel (a reply to the Emulator or a connector) may take before it is given up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan OutboundTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The built-in Direct Line 3.0 channel Web Chat talks to (section "DirectLine").</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Activities kept per conversation; past it (or past ConversationStore:MaxTranscriptBytes) the oldest are dropped.</summary>
    [Range(10, 100_000)] public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Largest activity a client may post, in bytes.</summary>
    [Range(1024, 10_000_000)] public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>How long a conversation token is valid; Web Chat refreshes it before it expires.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Key that signs conversation tokens (at least 32 characters). Empty: the conversation store keeps
    /// one, random: on Redis shared by every instance and kept across restarts; in process, one per start,
    /// so tokens end with the process, as the conversations held in memory do.
    /// </summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>The bot's account in Direct Line conversations.</summary>
    [Required] public string BotId { get; set; } = "qabot";

    [Required] public string BotName { get; set; } = "QaBot";
}

/// <summary>Which other sites may embed the chat (section "Cors").</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>Origins ("https://example.org") allowed to call Direct Line and /api/ask from their pages.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight's answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What Web Chat's Direct Line client (botframework-directlinejs) sends: the token, its agent
    /// string, and the marker its Ajax library adds, besides the JSON body's type.
    /// </summary>
    public static readonly IReadOnlyList<string> WebChatRequestHeaders = ["Authorization", "Content-Type", "X-Requested-With", "x-ms-bot-agent"];

    /// <summary>What it reads from a response: after a 429 it waits Retry-After before trying again.</summary>
    public static readonly IReadOnlyList<string> WebChatResponseHeaders = ["Retry-After"];
}

/// <summary>The JSON question API (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body /api/ask reads, in bytes; a larger one gets 413.</summary>
    [Range(64, 10_000_000)] public int MaxBodyBytes { get; set; } = 16 * 1024;
}

/// <summary>
/// Per-client rate limiting (section "RateLimiting"): each client address has a token bucket, and
/// a request past it gets 429 with Retry-After. Covers /api/ask, /api/messages and the Direct Line,
/// never /healthz or the page's static files.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>False turns rate limiting off (a load test from one loopback client, say).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make in one burst: the bucket's size.</summary>
    [Range(1, 1_000_000)] public int TokenLimit { get; set; } = 60;

    /// <summary>Requests given back to a client's bucket each <see cref="ReplenishmentPeriod"/>: its sustained rate.</summary>
    [Range(1, 1_000_000)] public int TokensPerPeriod { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")] public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The host's own lifetime (section "Hosting").</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// Where to listen when nothing else says: no --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or
    /// Kestrel:Endpoints. Loopback only, as a development default should be; a container sets a port.
    /// </summary>
    [Required] public string DefaultUrls { get; set; } = "http://localhost:3978";

    /// <summary>How long a stopping host lets requests in flight finish before it ends them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
