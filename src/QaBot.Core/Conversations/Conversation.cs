using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;

namespace QaBot.Core.Conversations;

/// <summary>
/// The conversation logic every chat host shares (the bot and <c>qabot chat</c>): whether a message
/// asks for more, what was asked and shown, and what comes next. "Tell me more" continues the last
/// answered question past the passages already shown; small talk in between ("thanks") keeps it.
/// </summary>
public sealed class Conversation(IQuestionAnswerer answerer, IOptions<ConversationOptions> options, IOptions<SafetyOptions> safety, IOptions<AnsweringOptions> answering)
{
    private const int AskedKept = 20;
    private readonly ConversationOptions _options = options.Value;

    /// <summary>The words that ask for more, as a suggested action shows them.</summary>
    public string MoreLabel => _options.MoreLabel;

    /// <summary>Replies to one message and updates <paramref name="memory"/>.</summary>
    public async Task<Reply> ReplyAsync(ConversationMemory memory, string? text, CancellationToken cancellationToken = default)
    {
        if (!AsksForMore(text ?? ""))
        {
            var reply = await answerer.AnswerAsync(text, 0, cancellationToken);
            Remember(memory, Kept(text!), reply);
            return reply;
        }
        if (memory.LastQuestion is null) return AskFirst(safety.Value.Advisory);
        var more = await answerer.AnswerAsync(memory.LastQuestion, memory.QuotesShown, cancellationToken);
        memory.QuotesShown += more.Quotes.Count;
        return more;
    }

    /// <summary>True when the message asks for more passages on the previous question ("Tell me more!", "more", "go on").</summary>
    public bool AsksForMore(string text)
    {
        var said = Normalize(text);
        return said.Length > 0 && (_options.MoreCommands.Any(c => Normalize(c) == said) || said == Normalize(_options.MoreLabel));
    }

    /// <summary>Lower case words only: "Tell me more!" and "tell me  more" are the same message.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsLetterOrDigit(c) || c == '\'' ? char.ToLowerInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A short, stable fingerprint of what a message says (its words, lower case): what a conversation keeps of past questions.</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalize(text))))[..16];

    /// <summary>The question as far as the answerer reads it.</summary>
    private string Kept(string question) =>
        question.Length <= answering.Value.MaxQuestionChars ? question : question[..answering.Value.MaxQuestionChars];

    /// <summary>An answer starts a new thread; not covered or an emergency ends it; small talk leaves it as it was.</summary>
    private static void Remember(ConversationMemory memory, string question, Reply reply)
    {
        switch (reply.Status)
        {
            case ReplyStatus.Answered:
                memory.LastQuestion = question;
                memory.QuotesShown = reply.Quotes.Count;
                memory.Asked.Add(Fingerprint(question));
                if (memory.Asked.Count > AskedKept) memory.Asked.RemoveRange(0, memory.Asked.Count - AskedKept);
                break;
            case ReplyStatus.NotFound or ReplyStatus.Emergency:
                memory.LastQuestion = null;
                memory.QuotesShown = 0;
                break;
        }
    }

    private Reply AskFirst(string advisory)
    {
        var said = $"Ask me a question about the article first; then say \u201C{_options.MoreLabel}\u201D to see more passages on it.";
        return new Reply(ReplyStatus.Chitchat, said + "\n\n" + advisory, [], advisory) { Intro = said };
    }
}
