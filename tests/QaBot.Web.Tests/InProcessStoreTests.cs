using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.Tests;

/// <summary>The conversation store in process (the default): the shared contract, then its bounds by count, bytes and idle time.</summary>
public sealed class InProcessStoreTests : StoreContract
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    internal override IConversationStore Conversations(ConversationStoreOptions options, DirectLineOptions directLine) =>
        new InProcessConversations(Options.Create(options), Options.Create(directLine), _clock);

    internal override IStorage State(ConversationStoreOptions options) =>
        new InProcessState(Options.Create(options), _clock, NullLogger<InProcessState>.Instance);

    private static ConversationStoreOptions Holding(int conversations) =>
        new() { MaxConversations = conversations, IdleTimeout = TimeSpan.FromMinutes(30), MaxTranscriptBytes = 8 * 1024, MaxStateBytes = 2 * 1024 };

    [Fact]
    public async Task When_full_a_new_conversation_is_refused_and_every_open_one_goes_on()
    {
        var store = Conversations(Holding(3), TenActivities);
        string[] open = ["a", "b", "c"];
        foreach (var id in open) Assert.NotNull(await store.OpenAsync(id, "u", default));

        for (var i = 0; i < 100; i++) Assert.Null(await store.OpenAsync("stranger" + i, "x", default));

        foreach (var id in open) Assert.NotNull(await store.AppendAsync(id, new Activity(ActivityTypes.Message) { Text = "still here" }, default));
    }

    [Fact]
    public async Task A_conversation_idle_past_the_timeout_is_dropped_and_makes_room()
    {
        var store = (InProcessConversations)Conversations(Holding(2), TenActivities);
        await store.OpenAsync("idle", "u", default);
        await store.OpenAsync("busy", "u", default);
        _clock.Now = _clock.Now.AddMinutes(20);
        await store.ReadAfterAsync("busy", 0, default);
        Assert.Null(await store.OpenAsync("new", "u", default));

        _clock.Now = _clock.Now.AddMinutes(11);

        Assert.NotNull(await store.OpenAsync("new", "u", default));
        Assert.Null(await store.FindAsync("idle", default));
        Assert.NotNull(await store.FindAsync("busy", default));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task The_bots_state_is_dropped_when_idle_and_not_kept_for_a_new_conversation_when_full()
    {
        var state = (InProcessState)State(Holding(2));
        await state.WriteAsync(StateOf("k1", "one"));
        await state.WriteAsync(StateOf("k2", "two"));

        await state.WriteAsync(StateOf("k3", "three"));
        Assert.Empty(await state.ReadAsync(["k3"]));
        Assert.NotEmpty(await state.ReadAsync(["k1"]));

        _clock.Now = _clock.Now.AddMinutes(31);
        Assert.Empty(await state.ReadAsync(["k1", "k2"]));
        Assert.Equal(0, state.Count);
    }

    [Fact]
    public async Task A_thousand_conversations_of_large_activities_and_states_stay_within_the_budget()
    {
        var options = Holding(1000);
        var store = (InProcessConversations)Conversations(options, new DirectLineOptions { MaxActivitiesPerConversation = 200 });
        var state = (InProcessState)State(options);
        var question = new string('q', 30_000);

        for (var i = 0; i < 1200; i++)
        {
            var id = "c" + i;
            await store.OpenAsync(id, "u", default);
            for (var j = 0; j < 4; j++) await store.AppendAsync(id, new Activity(ActivityTypes.Message) { Text = question }, default);
            await state.WriteAsync(StateOf(id, i % 2 == 0 ? "short" : question));
        }

        Assert.Equal(1000, store.Count);
        // Each conversation keeps at most its budget, or its one newest activity when that alone is larger.
        Assert.InRange(store.BytesHeld, 1, 1000L * Math.Max(options.MaxTranscriptBytes, 31_000));
        Assert.InRange(state.BytesHeld, 1, 1000L * options.MaxStateBytes);
    }
}
