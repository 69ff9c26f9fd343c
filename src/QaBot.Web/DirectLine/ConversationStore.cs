using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using QaBot.Web.Hosting;

namespace QaBot.Web.DirectLine;

/// <summary>
/// One Direct Line conversation: its activities in order, each with a sequence number that is
/// also its watermark. Only the newest activities are kept.
/// </summary>
internal sealed class DirectLineConversation(string id, string userId, int maxActivities)
{
    private readonly Queue<(long Sequence, string Json)> _activities = new();
    private long _last;
    private int _started;

    public string Id { get; } = id;

    /// <summary>The person's id, as the page gave it or as this host made it up.</summary>
    public string UserId { get; } = userId;

    /// <summary>One turn at a time, so conversation state is never written by two turns at once.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>True only for the first caller: the conversation starts once.</summary>
    public bool MarkStarted() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>Gives the activity its id, stores it as JSON and returns the id.</summary>
    public string Append(Activity activity)
    {
        lock (_activities)
        {
            var sequence = ++_last;
            activity.Id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            _activities.Enqueue((sequence, JsonConvert.SerializeObject(activity, ActivityJson.Settings)));
            while (_activities.Count > maxActivities) _activities.Dequeue();
            return activity.Id;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, as JSON, and the new watermark.</summary>
    public (IReadOnlyList<string> Activities, long Watermark) After(long watermark)
    {
        lock (_activities)
            return (_activities.Where(a => a.Sequence > watermark).Select(a => a.Json).ToList(), _last);
    }
}

/// <summary>
/// The conversations held in memory, bounded: creating one past the limit evicts the least
/// recently used. Eviction also drops the bot's state for that conversation.
/// </summary>
internal sealed class ConversationStore(IOptions<DirectLineOptions> options)
{
    private readonly Dictionary<string, LinkedListNode<DirectLineConversation>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<DirectLineConversation> _recent = new();
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>Called with each evicted conversation, outside the store's lock.</summary>
    public event Action<DirectLineConversation>? Evicted;

    public int Count
    {
        get { lock (_byId) return _byId.Count; }
    }

    public DirectLineConversation Create(string? userId)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var user = string.IsNullOrWhiteSpace(userId) ? "dl_" + id[..12] : userId;
        var conversation = new DirectLineConversation(id, user, _options.MaxActivitiesPerConversation);
        var evicted = new List<DirectLineConversation>();
        lock (_byId)
        {
            _byId[id] = _recent.AddFirst(conversation);
            while (_byId.Count > _options.MaxConversations && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _byId.Remove(oldest.Value.Id);
                evicted.Add(oldest.Value);
            }
        }
        foreach (var gone in evicted) Evicted?.Invoke(gone);
        return conversation;
    }

    /// <summary>The conversation, marked as just used; null when it never existed or was evicted.</summary>
    public DirectLineConversation? Find(string id)
    {
        lock (_byId)
        {
            if (!_byId.TryGetValue(id, out var node)) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
    }
}

/// <summary>Activities on the wire: the Bot Framework's own Newtonsoft contract.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    /// <summary>The activity in a body, or null when the body is not one.</summary>
    public static Activity? Read(byte[] body)
    {
        try { return JsonConvert.DeserializeObject<Activity>(System.Text.Encoding.UTF8.GetString(body), Settings); }
        catch (JsonException) { return null; }
    }

    public static Activity Clone(Activity activity) =>
        JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity, Settings), Settings)!;
}
