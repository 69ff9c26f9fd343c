using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.Bot;
using QaBot.Web.Hosting;

namespace QaBot.Web.DirectLine;

/// <summary>
/// The channel side of the built-in Direct Line: stamps what a client posts (id, timestamp,
/// conversation, recipient), echoes it into the conversation, runs the bot's turn, and stores
/// every activity the bot sends, as it sends it, for the client's next poll.
/// </summary>
internal sealed class DirectLineChannel
{
    public const string ChannelId = "directline";

    /// <summary>
    /// The turn's service URL. Replies never go out over the network (they come back in the turn),
    /// so it only has to be a valid URI; the reserved ".invalid" name says it is never called.
    /// </summary>
    private const string ServiceUrl = "https://directline.invalid/";

    private readonly ConversationStore _store;
    private readonly QaBotAdapter _adapter;
    private readonly IBot _bot;
    private readonly TimeProvider _time;
    private readonly ChannelAccount _botAccount;
    private readonly CancellationToken _stopped;

    public DirectLineChannel(ConversationStore store, QaBotAdapter adapter, IBot bot, IStorage storage, IOptions<DirectLineOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _store = store;
        _adapter = adapter;
        _bot = bot;
        _time = time;
        _botAccount = new ChannelAccount(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);
        // Not ApplicationStopping: a stopping host lets the turns of requests in flight finish
        // (up to Hosting:ShutdownTimeout); only what is still running once it has stopped is ended.
        _stopped = lifetime.ApplicationStopped;
        // The bot's conversation state (ConversationState's key) goes with the conversation.
        _store.Evicted += gone => _ = storage.DeleteAsync([$"{ChannelId}/conversations/{gone.Id}"]);
    }

    public string BotId => _botAccount.Id;

    /// <summary>Tells the bot, once, that the bot and the person joined: the bot's welcome.</summary>
    public Task StartAsync(DirectLineConversation conversation)
    {
        if (!conversation.MarkStarted()) return Task.CompletedTask;
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            MembersAdded = [new ChannelAccount(_botAccount.Id, _botAccount.Name), new ChannelAccount(conversation.UserId)],
        };
        return RunTurnAsync(conversation, Address(conversation, update));
    }

    /// <summary>Stores the client's activity, runs the bot's turn on it, and returns the activity's id.</summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity posted)
    {
        if (string.IsNullOrWhiteSpace(posted.From?.Id)) posted.From = new ChannelAccount(conversation.UserId);
        posted.From.Role = RoleTypes.User;
        posted.ReplyToId = null;
        posted.DeliveryMode = null;
        var id = conversation.Append(Address(conversation, posted));
        await RunTurnAsync(conversation, ActivityJson.Clone(posted));
        return id;
    }

    private Activity Address(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = _botAccount;
        activity.Timestamp = _time.GetUtcNow();
        return activity;
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity)
    {
        // Turns are not tied to the HTTP request: a client that stops waiting still gets its
        // answer on the next poll.
        await conversation.Turn.WaitAsync(_stopped);
        try
        {
            await _adapter.ProcessDirectLineAsync(activity, _bot, reply =>
            {
                var stored = ActivityJson.Clone(reply);
                stored.ChannelId = ChannelId;
                stored.Conversation = new ConversationAccount(id: conversation.Id);
                stored.From = _botAccount;
                stored.Recipient = activity.From;
                stored.ServiceUrl = null;
                stored.DeliveryMode = null;
                stored.Timestamp = _time.GetUtcNow();
                conversation.Append(stored);
                return Task.CompletedTask;
            }, _stopped);
        }
        finally
        {
            conversation.Turn.Release();
        }
    }
}
