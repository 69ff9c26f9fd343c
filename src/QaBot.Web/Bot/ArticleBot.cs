using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Core.Conversations;
using QaBot.Core.Hosting;
using QaBot.Web.Hosting;

namespace QaBot.Web.Bot;

/// <summary>
/// The chat face of the answering core: a welcome with example questions, a typing indicator,
/// answers as Markdown with suggested follow-ups, "tell me more" from conversation state, and a
/// polite word for anything that is not a typed question.
/// </summary>
internal sealed class ArticleBot : ActivityHandler
{
    private readonly Conversation _conversation;
    private readonly ConversationState _state;
    private readonly IStatePropertyAccessor<ConversationMemory> _memory;
    private readonly Suggestions _suggestions;
    private readonly SafetyOptions _safety;

    public ArticleBot(Conversation conversation, ConversationState state, Suggestions suggestions, IOptions<SafetyOptions> safety)
    {
        _conversation = conversation;
        _state = state;
        _memory = state.CreateProperty<ConversationMemory>(nameof(ConversationMemory));
        _suggestions = suggestions;
        _safety = safety.Value;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await _state.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // One welcome per join, whoever else (the bot itself) joined with the person.
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
            await turnContext.SendActivityAsync(Message(Welcome(), _suggestions.After(null, [])), cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            var said = turnContext.Activity.Attachments?.Count > 0
                ? "Thanks, but I can only read typed text, so I cannot open attachments. Please type your question about the article."
                : "I did not catch any text there. Please type a question about the article.";
            await PoliteAsync(turnContext, said, cancellationToken);
            return;
        }

        var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        var reply = await _conversation.ReplyAsync(memory, text, cancellationToken);
        await turnContext.SendActivityAsync(Message(ReplyMarkdown.Format(reply), _suggestions.After(reply, memory.Asked)), cancellationToken);
    }

    protected override Task OnEventAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken) =>
        PoliteAsync(turnContext, "I only answer typed questions about the article. Please type one.", cancellationToken);

    protected override Task OnMessageReactionActivityAsync(ITurnContext<IMessageReactionActivity> turnContext, CancellationToken cancellationToken) =>
        PoliteAsync(turnContext, "Thanks for the reaction. Ask me anything else about the article.", cancellationToken);

    protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        PoliteAsync(turnContext, "I only answer typed questions about the article. Please type one.", cancellationToken);

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        await PoliteAsync(turnContext, "I only answer typed questions about the article. Please type one.", cancellationToken);
        return new InvokeResponse { Status = StatusCodes.Status200OK };
    }

    /// <summary>A short reply in the bot's own words, ending with the advice as every reply does.</summary>
    private Task PoliteAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Message(Markdown.EscapeInline(text) + "\n\n" + ReplyMarkdown.Advice(_safety.Advisory), _suggestions.After(null, [])), cancellationToken);

    /// <summary>What the bot can answer: the article's title and sections, and how to ask.</summary>
    private string Welcome()
    {
        var (titles, sections) = _suggestions.Outline();
        var about = titles.Count switch
        {
            0 => "a health article",
            1 => "\u201C" + titles[0] + "\u201D",
            _ => $"{titles.Count} health documents",
        };
        var text = $"Hello! I answer questions about {about} by quoting it word for word, with the section each quote comes from.";
        var sb = new System.Text.StringBuilder(Markdown.EscapeInline(text));
        if (sections.Count > 0)
        {
            sb.Append("\n\nIt covers:\n");
            foreach (var section in sections) sb.Append("\n- ").Append(Markdown.Escape(section));
        }
        sb.Append("\n\n").Append(Markdown.EscapeInline($"Ask a question or pick one below. After an answer, say \u201C{_conversation.MoreLabel}\u201D for more passages."));
        return sb.Append("\n\n").Append(ReplyMarkdown.Advice(_safety.Advisory)).ToString();
    }

    private static IMessageActivity Message(string markdown, IReadOnlyList<string> suggestions)
    {
        var message = MessageFactory.Text(markdown);
        message.TextFormat = TextFormatTypes.Markdown;
        if (suggestions.Count > 0)
            message.SuggestedActions = new SuggestedActions
            {
                Actions = suggestions.Select(s => new CardAction(ActionTypes.ImBack, title: s, value: s)).ToList(),
            };
        return message;
    }
}
