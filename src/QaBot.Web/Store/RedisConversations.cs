using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using StackExchange.Redis;

namespace QaBot.Web.Store;

/// <summary>
/// The Direct Line's conversations on Redis: every instance sees the same ones, and a restart loses
/// none. Each conversation's keys expire after ConversationStore:IdleTimeout without use.
/// </summary>
internal sealed class RedisConversations(RedisConnection redis, IOptions<ConversationStoreOptions> options, IOptions<DirectLineOptions> directLine) : IConversationStore
{
    /// <summary>
    /// How long one turn may hold its conversation: a turn of an instance that died meanwhile stops
    /// blocking the conversation after it. Longer than any answer takes (a model has AIServices:Timeout).
    /// </summary>
    private static readonly TimeSpan TurnLease = TimeSpan.FromMinutes(2);

    private readonly long _idleMs = (long)options.Value.IdleTimeout.TotalMilliseconds;

    public async Task<StoredConversation?> OpenAsync(string id, string userId, CancellationToken cancellationToken)
    {
        var user = await RunAsync(RedisScripts.Open, id, userId, _idleMs);
        return new StoredConversation(id, (string)user!);
    }

    public async Task<StoredConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await RunAsync(RedisScripts.Find, id, _idleMs);
        return user.IsNull ? null : new StoredConversation(id, (string)user!);
    }

    public async Task<bool> MarkStartedAsync(string id, CancellationToken cancellationToken) =>
        (long)await RunAsync(RedisScripts.MarkStarted, id) == 1;

    public async Task<string?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken)
    {
        var sequence = await RunAsync(RedisScripts.Append, id, TranscriptJson.WithoutId(activity), id,
            directLine.Value.MaxActivitiesPerConversation, options.Value.MaxTranscriptBytes, _idleMs);
        if (sequence.IsNull) return null;
        return activity.Id = TranscriptJson.Id(id, (long)sequence);
    }

    public async Task<TranscriptPage?> ReadAfterAsync(string id, long watermark, CancellationToken cancellationToken)
    {
        var result = await RunAsync(RedisScripts.After, id, watermark, _idleMs);
        if (result.IsNull) return null;
        var parts = (RedisResult[])result!;
        return new TranscriptPage([.. ((RedisResult[])parts[1]!).Select(a => (byte[])a!)], (long)parts[0]);
    }

    public async Task<IAsyncDisposable> EnterTurnAsync(string id, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        var key = redis.Key($"dl:{{{id}}}:turn");
        var holder = Guid.NewGuid().ToString("N");
        var wait = TimeSpan.FromMilliseconds(10);
        while (!await database.StringSetAsync(key, holder, TurnLease, When.NotExists))
        {
            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 200));
        }
        return new Turn(database, key, holder);
    }

    private sealed class Turn(IDatabase database, RedisKey key, string holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.ScriptEvaluateAsync(RedisScripts.Unlock, [key], [holder]);
    }

    /// <summary>A script over the conversation's two keys, which share a hash slot ({id}) so a cluster keeps them together.</summary>
    private async Task<RedisResult> RunAsync(string script, string id, params RedisValue[] values)
    {
        var database = await redis.DatabaseAsync();
        return await database.ScriptEvaluateAsync(script, [redis.Key($"dl:{{{id}}}"), redis.Key($"dl:{{{id}}}:log")], values);
    }
}
