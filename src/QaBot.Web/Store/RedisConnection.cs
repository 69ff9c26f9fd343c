using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace QaBot.Web.Store;

/// <summary>
/// The process's one connection to Redis (ConnectionStrings:Redis), made on first use and shared by
/// every part of the store. It does not fail when Redis is down: calls fail until it is back, and the
/// client reconnects by itself.
/// </summary>
internal sealed class RedisConnection(string connectionString, IOptions<ConversationStoreOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(connectionString));

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value).GetDatabase();

    /// <summary>A key of this deployment's (ConversationStore:KeyPrefix first).</summary>
    public RedisKey Key(string name) => options.Value.KeyPrefix + name;

    private static Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}
