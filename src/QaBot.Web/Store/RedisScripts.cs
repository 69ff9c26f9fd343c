namespace QaBot.Web.Store;

/// <summary>
/// The store's steps on Redis, each one Lua script so no other instance sees it half done. A Direct
/// Line conversation is a hash (KEYS[1]: user, started, seq, bytes) and a sorted set of its activities
/// scored by number (KEYS[2]); both carry the idle timeout, renewed on every use.
/// </summary>
internal static class RedisScripts
{
    /// <summary>ARGV: user id, idle ms. Creates the conversation when absent; returns its user id.</summary>
    public const string Open = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          redis.call('HSET', KEYS[1], 'user', ARGV[1], 'seq', 0, 'bytes', 0)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return redis.call('HGET', KEYS[1], 'user')
        """;

    /// <summary>ARGV: idle ms. The user id, or nil when the conversation is gone.</summary>
    public const string Find = """
        if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then return false end
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        return redis.call('HGET', KEYS[1], 'user')
        """;

    /// <summary>1 for the first caller, 0 after (or when the conversation is gone).</summary>
    public const string MarkStarted = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        return redis.call('HSETNX', KEYS[1], 'started', 1)
        """;

    /// <summary>
    /// ARGV: the activity's JSON without its id, the conversation id, most activities, most bytes, idle ms.
    /// Numbers the activity, puts its id first, keeps it, drops the oldest past the limits (never the
    /// newest) and returns its number; nil when the conversation is gone.
    /// </summary>
    public const string Append = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
        local json = '{"id":"' .. ARGV[2] .. '|' .. string.format('%07d', seq) .. '",' .. string.sub(ARGV[1], 2)
        local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', string.len(json))
        redis.call('ZADD', KEYS[2], seq, json)
        local count = redis.call('ZCARD', KEYS[2])
        while count > 1 and (count > tonumber(ARGV[3]) or bytes > tonumber(ARGV[4])) do
          local oldest = redis.call('ZPOPMIN', KEYS[2])
          bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -string.len(oldest[1]))
          count = count - 1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        return seq
        """;

    /// <summary>ARGV: watermark, idle ms. {newest number, activities after the watermark}; nil when the conversation is gone.</summary>
    public const string After = """
        if redis.call('PEXPIRE', KEYS[1], ARGV[2]) == 0 then return false end
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return { redis.call('HGET', KEYS[1], 'seq'), redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf') }
        """;

    /// <summary>ARGV: the lock's token. Ends a turn only if this instance still holds it.</summary>
    public const string Unlock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>ARGV: idle ms. A state item, its expiry renewed; nil when absent.</summary>
    public const string Touch = """
        local value = redis.call('GET', KEYS[1])
        if value then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return value
        """;

    /// <summary>ARGV: a new key. The token signing key: the first instance's, kept for all.</summary>
    public const string TokenKey = """
        redis.call('SET', KEYS[1], ARGV[1], 'NX')
        return redis.call('GET', KEYS[1])
        """;
}
