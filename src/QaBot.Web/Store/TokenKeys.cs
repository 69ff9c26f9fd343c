using System.Security.Cryptography;

namespace QaBot.Web.Store;

/// <summary>
/// The key that signs Direct Line tokens when DirectLine:TokenSigningKey is empty: kept in the store,
/// so it lasts as long as the conversations its tokens open.
/// </summary>
internal interface ITokenKeys
{
    ValueTask<byte[]> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>In process: a random key per start, since the conversations end with the process too.</summary>
internal sealed class InProcessTokenKeys : ITokenKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public ValueTask<byte[]> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_key);
}

/// <summary>
/// On Redis: the first instance's random key, which every instance then uses, across restarts. It is
/// read again every half minute, so should the key vanish (Redis emptied), all instances agree on the
/// next one within that time.
/// </summary>
internal sealed class RedisTokenKeys(RedisConnection redis, TimeProvider time) : ITokenKeys
{
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(30);

    // One reference, swapped whole, so a request never sees half of a newer read.
    private volatile Held? _current;

    private sealed record Held(byte[] Key, DateTimeOffset Read);

    public async ValueTask<byte[]> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is { } current && now - current.Read < Reread) return current.Key;
        var database = await redis.DatabaseAsync();
        var stored = await database.ScriptEvaluateAsync(RedisScripts.TokenKey, [redis.Key("token-key")], [Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))]);
        var key = Convert.FromBase64String((string)stored!);
        _current = new Held(key, now);
        return key;
    }
}
