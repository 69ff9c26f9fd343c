using System.ComponentModel.DataAnnotations;

namespace QaBot.Web.Store;

/// <summary>
/// Where conversations live and how much of each is kept (section "ConversationStore"): the Direct
/// Line's activities and the bot's conversation state, in this process by default, or on Redis
/// when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public sealed class ConversationStoreOptions
{
    public const string Section = "ConversationStore";

    /// <summary>
    /// In process: most conversations held at once (Direct Line conversations, and bot states, each).
    /// When full, a new one is refused until another has been idle for <see cref="IdleTimeout"/>:
    /// a stranger opening many conversations never ends anyone else's.
    /// </summary>
    [Range(1, 1_000_000)] public int MaxConversations { get; set; } = 1000;

    /// <summary>A conversation no one has used for this long is dropped (on Redis, its keys expire).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Bytes of activities (as JSON) one Direct Line conversation keeps; past it the oldest are dropped.</summary>
    [Range(4096, 100_000_000)] public int MaxTranscriptBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of bot state one conversation may keep; a larger state is not kept (and says so in the log).</summary>
    [Range(1024, 10_000_000)] public int MaxStateBytes { get; set; } = 16 * 1024;

    /// <summary>Begins every key on Redis, so deployments can share one server.</summary>
    [Required, MinLength(1)] public string KeyPrefix { get; set; } = "qabot:";
}
