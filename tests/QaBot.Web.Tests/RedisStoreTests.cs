using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using QaBot.Web.Store;
using StackExchange.Redis;

namespace QaBot.Web.Tests;

/// <summary>
/// The conversation store on a real Redis-protocol server: the shared contract, then what only Redis
/// does (expiry on every key, one token key for all instances, bytes held within the budget).
/// </summary>
public sealed class RedisStoreTests(RedisServer server) : StoreContract, IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly string _prefix = RedisServer.NewPrefix();
    private readonly List<RedisConnection> _connections = [];
    private ConnectionMultiplexer _look = null!;

    public async Task InitializeAsync() => _look = await server.ConnectAsync();

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await _look.DisposeAsync();
    }

    private ConversationStoreOptions Prefixed(ConversationStoreOptions options) => new()
    {
        MaxConversations = options.MaxConversations,
        IdleTimeout = options.IdleTimeout,
        MaxTranscriptBytes = options.MaxTranscriptBytes,
        MaxStateBytes = options.MaxStateBytes,
        KeyPrefix = _prefix,
    };

    private RedisConnection Connection(ConversationStoreOptions options)
    {
        var connection = new RedisConnection(server.ConnectionString, Options.Create(Prefixed(options)));
        _connections.Add(connection);
        return connection;
    }

    internal override IConversationStore Conversations(ConversationStoreOptions options, DirectLineOptions directLine) =>
        new RedisConversations(Connection(options), Options.Create(Prefixed(options)), Options.Create(directLine));

    internal override IStorage State(ConversationStoreOptions options) =>
        new RedisState(Connection(options), Options.Create(Prefixed(options)), NullLogger<RedisState>.Instance);

    private IEnumerable<RedisKey> Keys() => _look.GetServers().Single().Keys(pattern: _prefix + "*");

    [Fact]
    public async Task The_server_is_the_one_this_run_asked_for()
    {
        var info = await _look.GetServers().Single().InfoRawAsync("server") ?? "";

        Assert.Equal(server.Kind == "garnet", info.Contains("garnet", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_key_the_store_writes_expires_within_the_idle_timeout()
    {
        var options = new ConversationStoreOptions { IdleTimeout = TimeSpan.FromMinutes(7) };
        var store = Conversations(options, TenActivities);
        await store.OpenAsync("c1", "u", default);
        await store.AppendAsync("c1", new Activity(ActivityTypes.Message) { Text = "hi" }, default);
        await State(options).WriteAsync(StateOf("emulator/conversations/c1", "hi"));

        var keys = Keys().ToList();

        Assert.Equal(3, keys.Count);
        foreach (var key in keys)
        {
            var ttl = await _look.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7));
        }
    }

    [Fact]
    public async Task Every_instance_signs_with_the_same_token_key_and_another_deployment_with_its_own()
    {
        var first = new RedisTokenKeys(Connection(Small), TimeProvider.System);
        var second = new RedisTokenKeys(Connection(Small), TimeProvider.System);
        var other = new RedisTokenKeys(new RedisConnection(server.ConnectionString, Options.Create(new ConversationStoreOptions { KeyPrefix = RedisServer.NewPrefix() })), TimeProvider.System);

        var key = await first.CurrentAsync(default);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, await second.CurrentAsync(default));
        Assert.NotEqual(key, await other.CurrentAsync(default));
    }

    [Fact]
    public async Task A_state_that_names_a_foreign_type_is_not_read_back_as_it()
    {
        var key = "emulator/conversations/planted";
        await _look.GetDatabase().StringSetAsync(_prefix + "state:" + key, """{"$type":"System.IO.FileInfo, System.Private.CoreLib","fileName":"/"}""");

        await Assert.ThrowsAsync<Newtonsoft.Json.JsonSerializationException>(() => State(Small).ReadAsync([key]));
    }

    [Fact]
    public async Task A_long_conversation_id_is_kept_under_a_short_key()
    {
        var state = State(Small);
        var key = "emulator/conversations/" + new string('c', 5000);

        await state.WriteAsync(StateOf(key, "kept"));

        Assert.Equal("kept", ((Remembered)((IDictionary<string, object>)(await state.ReadAsync([key]))[key])["Remembered"]).Last);
        Assert.All(Keys(), k => Assert.True(((string)k!).Length < 300));
    }

    [Fact]
    public async Task A_thousand_conversations_of_large_activities_and_states_stay_within_the_budget()
    {
        var options = new ConversationStoreOptions { MaxTranscriptBytes = 16 * 1024, MaxStateBytes = 4 * 1024 };
        var store = Conversations(options, new DirectLineOptions { MaxActivitiesPerConversation = 200 });
        var state = State(options);
        var question = new string('q', 6_000);

        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var id = "c" + i;
            await store.OpenAsync(id, "u", default);
            for (var j = 0; j < 5; j++) await store.AppendAsync(id, new Activity(ActivityTypes.Message) { Text = question }, default);
            await state.WriteAsync(StateOf("directline/conversations/" + id, i % 2 == 0 ? "short" : question + question));
        });

        long transcripts = 0, states = 0;
        var database = _look.GetDatabase();
        foreach (var key in Keys())
        {
            var name = (string)key!;
            if (name.EndsWith(":log", StringComparison.Ordinal))
                transcripts += (await database.SortedSetRangeByRankAsync(key)).Sum(m => (long)((byte[])m!).Length);
            else if (name.StartsWith(_prefix + "state:", StringComparison.Ordinal))
                states += await database.StringLengthAsync(key);
        }
        Assert.InRange(transcripts, 1000L * 6_000, 1000L * options.MaxTranscriptBytes);
        Assert.InRange(states, 1, 500L * options.MaxStateBytes);
    }
}
