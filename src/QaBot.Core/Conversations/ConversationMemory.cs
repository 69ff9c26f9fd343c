namespace QaBot.Core.Conversations;

/// <summary>
/// What one conversation remembers for "tell me more": plain data, so a host keeps it where it
/// keeps state (the bot in its conversation state, the CLI in memory).
/// </summary>
public sealed class ConversationMemory
{
    /// <summary>
    /// The last question that was answered with quotes, as far as the answerer reads it
    /// (<c>Answering:MaxQuestionChars</c>): a conversation's state stays small whatever is pasted.
    /// </summary>
    public string? LastQuestion { get; set; }

    /// <summary>How many passages for <see cref="LastQuestion"/> have been shown so far.</summary>
    public int QuotesShown { get; set; }

    /// <summary>Fingerprints of recent questions (<see cref="Conversation.Fingerprint"/>), newest last, so a host does not suggest them again; never their text.</summary>
    public List<string> Asked { get; set; } = [];
}
