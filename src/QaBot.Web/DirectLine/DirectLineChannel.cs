using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.Bot;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.DirectLine;

/// <summary>
/// The channel side of the built-in Direct Line: stamps what a client posts (id, timestamp,
/// conversation, recipient), echoes it into the conversation, runs the bot's turn, and stores
/// every activity the bot sends, as it sends it, for the client's next poll (on whichever instance).
/// </summary>
internal sealed class DirectLineChannel
{
    public const string ChannelId = "directline";

    /// <summary>
    /// The turn's service URL. Replies never go out over the network (they come back in the turn),
    /// so it only has to be a valid URI; the reserved ".invalid" name says it is never called.
    /// </summary>
    private const string ServiceUrl = "https://directline.invalid/";

    private readonly IConversationStore _store;
    private readonly QaBotAdapter _adapter;
    private readonly IBot _bot;
    private readonly TimeProvider _time;
    private readonly ChannelAccount _botAccount;
    private readonly CancellationToken _stopped;

    public DirectLineChannel(IConversationStore store, QaBotAdapter adapter, IBot bot, IOptions<DirectLineOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _store = store;
        _adapter = adapter;
        _bot = bot;
        _time = time;
        _botAccount = new ChannelAccount(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);
        // Not ApplicationStopping: a stopping host lets the turns of requests in flight finish
        // (up to Hosting:ShutdownTimeout); only what is still running once it has stopped is ended.
        _stopped = lifetime.ApplicationStopped;
    }

    public string BotId => _botAccount.Id;

    /// <summary>Tells the bot, once, that the bot and the person joined: the bot's welcome.</summary>
    public async Task StartAsync(StoredConversation conversation)
    {
        if (!await _store.MarkStartedAsync(conversation.Id, _stopped)) return;
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            MembersAdded = [new ChannelAccount(_botAccount.Id, _botAccount.Name), new ChannelAccount(conversation.UserId)],
        };
        await RunTurnAsync(conversation, Address(conversation, update));
    }

    /// <summary>Stores the client's activity, runs the bot's turn on it, and returns the activity's id; null when the conversation is gone.</summary>
    public async Task<string?> PostAsync(StoredConversation conversation, Activity posted)
    {
        if (string.IsNullOrWhiteSpace(posted.From?.Id)) posted.From = new ChannelAccount(conversation.UserId);
        posted.From.Role = RoleTypes.User;
        posted.ReplyToId = null;
        posted.DeliveryMode = null;
        var id = await _store.AppendAsync(conversation.Id, Address(conversation, posted), _stopped);
        if (id is null) return null;
        await RunTurnAsync(conversation, ActivityJson.Clone(posted));
        return id;
    }

    private Activity Address(StoredConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = _botAccount;
        activity.Timestamp = _time.GetUtcNow();
        return activity;
    }

    private async Task RunTurnAsync(StoredConversation conversation, Activity activity)
    {
        // Turns are not tied to the HTTP request: a client that stops waiting still gets its
        // answer on the next poll. One turn at a time per conversation, across instances, so the
        // bot's state is never written by two turns at once.
        await using var turn = await _store.EnterTurnAsync(conversation.Id, _stopped);
        await _adapter.ProcessDirectLineAsync(activity, _bot, async reply =>
        {
            var stored = ActivityJson.Clone(reply);
            stored.ChannelId = ChannelId;
            stored.Conversation = new ConversationAccount(id: conversation.Id);
            stored.From = _botAccount;
            stored.Recipient = activity.From;
            stored.ServiceUrl = null;
            stored.DeliveryMode = null;
            stored.Timestamp = _time.GetUtcNow();
            await _store.AppendAsync(conversation.Id, stored, _stopped);
        }, _stopped);
    }
}
