using Microsoft.Bot.Schema;

namespace QaBot.Web.Store;

/// <summary>A Direct Line conversation as the store holds it.</summary>
internal sealed record StoredConversation(string Id, string UserId);

/// <summary>The activities after a watermark (JSON, oldest first) and the conversation's newest watermark.</summary>
internal sealed record TranscriptPage(IReadOnlyList<byte[]> Activities, long Watermark);

/// <summary>
/// The Direct Line's conversations: their activities in order, each numbered (the number is its
/// watermark), kept within ConversationStore:MaxTranscriptBytes and DirectLine:MaxActivitiesPerConversation,
/// and dropped once idle. One implementation keeps them in process, the other on Redis, where every
/// instance behind a balancer sees the same conversations.
/// </summary>
internal interface IConversationStore
{
    /// <summary>The conversation, created when it does not exist yet; null when the store is full.</summary>
    Task<StoredConversation?> OpenAsync(string id, string userId, CancellationToken cancellationToken);

    /// <summary>The conversation, marked as used; null when it never existed, was idle too long or was dropped.</summary>
    Task<StoredConversation?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>True for the first caller only, whichever instance it reaches: a conversation starts (the welcome) once.</summary>
    Task<bool> MarkStartedAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the activity the conversation's next number as its id, keeps it, drops the oldest past the
    /// conversation's limits, and returns the id; null when the conversation is gone.
    /// </summary>
    Task<string?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken);

    /// <summary>The activities after <paramref name="watermark"/>; null when the conversation is gone.</summary>
    Task<TranscriptPage?> ReadAfterAsync(string id, long watermark, CancellationToken cancellationToken);

    /// <summary>Waits until no other turn of the conversation runs, on any instance; disposing ends the turn.</summary>
    Task<IAsyncDisposable> EnterTurnAsync(string id, CancellationToken cancellationToken);
}
