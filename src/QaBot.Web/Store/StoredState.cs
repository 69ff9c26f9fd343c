using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace QaBot.Web.Store;

/// <summary>
/// The bot's conversation state (<see cref="IStorage"/>) in the conversation store: each item as JSON,
/// at most ConversationStore:MaxStateBytes, dropped once idle. A larger state is not kept (the conversation
/// goes on and forgets), so no conversation can make the store grow past its budget.
/// </summary>
internal abstract class StoredState(IOptions<ConversationStoreOptions> options, ILogger log) : IStorage
{
    private readonly int _maxBytes = options.Value.MaxStateBytes;

    /// <summary>The item's JSON, marked as used; null when absent.</summary>
    protected abstract Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps the item; false when it is new and the store is full.</summary>
    protected abstract Task<bool> SetAsync(string key, byte[] json, CancellationToken cancellationToken);

    protected abstract Task RemoveAsync(string key, CancellationToken cancellationToken);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await GetAsync(StoreKey(key), cancellationToken) is { } json
                && JsonConvert.DeserializeObject<object>(Encoding.UTF8.GetString(json), Settings) is { } item)
                items[key] = item;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            var json = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, typeof(object), Settings));
            if (json.Length > _maxBytes)
            {
                log.LogWarning("The bot's state for one conversation is {Bytes} bytes, past ConversationStore:MaxStateBytes ({Max}); it is not kept.", json.Length, _maxBytes);
                await RemoveAsync(StoreKey(key), cancellationToken);
            }
            else if (!await SetAsync(StoreKey(key), json, cancellationToken))
            {
                log.LogWarning("The conversation store is full (ConversationStore:MaxConversations); a new conversation's state is not kept.");
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) await RemoveAsync(StoreKey(key), cancellationToken);
    }

    /// <summary>Keys hold a conversation id the channel chose; a long one is kept as its hash.</summary>
    private static string StoreKey(string key) =>
        key.Length <= 200 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Types are written where the declared type is object (the state's properties), so the bot reads
    /// back the objects it stored and may change them in place; only the state's own dictionary and
    /// this project's types are read back, never a type named by whoever could write to the store.
    /// </summary>
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new StateTypes(),
        MaxDepth = 32,
    };

    private sealed class StateTypes : DefaultSerializationBinder
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> _allowed = new();

        public override Type BindToType(string? assemblyName, string typeName)
        {
            var type = base.BindToType(assemblyName, typeName);
            return _allowed.GetOrAdd(type, t => t == typeof(Dictionary<string, object>) || t.Assembly.GetName().Name?.StartsWith("QaBot.", StringComparison.Ordinal) == true)
                ? type
                : throw new JsonSerializationException($"The type {typeName} is not one the bot's state holds.");
        }
    }
}
