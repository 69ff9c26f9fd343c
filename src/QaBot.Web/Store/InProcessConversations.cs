using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

namespace QaBot.Web.Store;

/// <summary>The Direct Line's conversations in this process (the default): bounded by count, bytes and idle time.</summary>
internal sealed class InProcessConversations(IOptions<ConversationStoreOptions> options, IOptions<DirectLineOptions> directLine, TimeProvider time) : IConversationStore
{
    private readonly IdleEntries<Transcript> _conversations = new(options.Value.MaxConversations, options.Value.IdleTimeout, time);
    private readonly int _maxActivities = directLine.Value.MaxActivitiesPerConversation;
    private readonly int _maxBytes = options.Value.MaxTranscriptBytes;

    public int Count => _conversations.Count;

    /// <summary>Bytes of activities held across all conversations.</summary>
    public long BytesHeld => _conversations.Snapshot().Sum(t => t.Bytes);

    public Task<StoredConversation?> OpenAsync(string id, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.GetOrAdd(id, () => new Transcript(userId)) is { } t ? new StoredConversation(id, t.UserId) : null);

    public Task<StoredConversation?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.Find(id) is { } t ? new StoredConversation(id, t.UserId) : null);

    public Task<bool> MarkStartedAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.Find(id)?.MarkStarted() ?? false);

    public Task<string?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken)
    {
        var json = TranscriptJson.WithoutId(activity);
        var added = _conversations.Find(id)?.Append(id, json, _maxActivities, _maxBytes);
        if (added is not null) activity.Id = added;
        return Task.FromResult(added);
    }

    public Task<TranscriptPage?> ReadAfterAsync(string id, long watermark, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.Find(id)?.After(watermark));

    public async Task<IAsyncDisposable> EnterTurnAsync(string id, CancellationToken cancellationToken)
    {
        // A conversation dropped meanwhile still gets its turn; its replies then have nowhere to go.
        var turn = _conversations.Find(id)?.Turn ?? new SemaphoreSlim(1, 1);
        await turn.WaitAsync(cancellationToken);
        return new Release(turn);
    }

    private sealed class Release(SemaphoreSlim turn) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            turn.Release();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>One conversation's activities, newest last, within its count and byte limits.</summary>
    private sealed class Transcript(string userId)
    {
        private readonly Queue<(long Sequence, byte[] Json)> _activities = new();
        private long _last;
        private long _bytes;
        private int _started;

        public string UserId { get; } = userId;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long Bytes
        {
            get { lock (_activities) return _bytes; }
        }

        public bool MarkStarted() => Interlocked.Exchange(ref _started, 1) == 0;

        public string Append(string conversationId, string withoutId, int maxActivities, int maxBytes)
        {
            lock (_activities)
            {
                var id = TranscriptJson.Id(conversationId, ++_last);
                var json = TranscriptJson.Numbered(id, withoutId);
                _activities.Enqueue((_last, json));
                _bytes += json.Length;
                // The newest always stays, so a client never misses the activity it is waiting for.
                while (_activities.Count > 1 && (_activities.Count > maxActivities || _bytes > maxBytes))
                    _bytes -= _activities.Dequeue().Json.Length;
                return id;
            }
        }

        public TranscriptPage After(long watermark)
        {
            lock (_activities)
                return new TranscriptPage(_activities.Where(a => a.Sequence > watermark).Select(a => a.Json).ToList(), _last);
        }
    }
}
