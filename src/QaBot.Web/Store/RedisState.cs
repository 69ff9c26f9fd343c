using Microsoft.Extensions.Options;

namespace QaBot.Web.Store;

/// <summary>The bot's conversation state on Redis: shared by every instance, kept across restarts, expiring when idle.</summary>
internal sealed class RedisState(RedisConnection redis, IOptions<ConversationStoreOptions> options, ILogger<RedisState> log)
    : StoredState(options, log)
{
    private readonly TimeSpan _idle = options.Value.IdleTimeout;

    protected override async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        var value = await database.ScriptEvaluateAsync(RedisScripts.Touch, [redis.Key("state:" + key)], [(long)_idle.TotalMilliseconds]);
        return value.IsNull ? null : (byte[])value!;
    }

    protected override async Task<bool> SetAsync(string key, byte[] json, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        await database.StringSetAsync(redis.Key("state:" + key), json, _idle);
        return true;
    }

    protected override async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        await database.KeyDeleteAsync(redis.Key("state:" + key));
    }
}
