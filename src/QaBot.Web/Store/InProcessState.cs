using Microsoft.Extensions.Options;

namespace QaBot.Web.Store;

/// <summary>The bot's conversation state in this process (the default): bounded by count, bytes and idle time.</summary>
internal sealed class InProcessState(IOptions<ConversationStoreOptions> options, TimeProvider time, ILogger<InProcessState> log)
    : StoredState(options, log)
{
    private readonly IdleEntries<byte[]> _items = new(options.Value.MaxConversations, options.Value.IdleTimeout, time);

    public int Count => _items.Count;

    /// <summary>Bytes of state held across all conversations.</summary>
    public long BytesHeld => _items.Snapshot().Sum(json => (long)json.Length);

    protected override Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_items.Find(key));

    protected override Task<bool> SetAsync(string key, byte[] json, CancellationToken cancellationToken) => Task.FromResult(_items.Set(key, json));

    protected override Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _items.Remove(key);
        return Task.CompletedTask;
    }
}
