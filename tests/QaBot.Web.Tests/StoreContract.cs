using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.Tests;

/// <summary>A bot's state object, as the bot keeps one (changed in place after it is read back).</summary>
public sealed class Remembered
{
    public string? Last { get; set; }

    public List<string> Asked { get; set; } = [];
}

/// <summary>
/// What the conversation store does whichever backend keeps it: the same tests run in process
/// (<see cref="InProcessStoreTests"/>) and on a real Redis-protocol server (<see cref="RedisStoreTests"/>).
/// </summary>
public abstract class StoreContract
{
    protected static readonly ConversationStoreOptions Small = new() { MaxConversations = 50, MaxTranscriptBytes = 8 * 1024, MaxStateBytes = 2 * 1024 };
    protected static readonly DirectLineOptions TenActivities = new() { MaxActivitiesPerConversation = 10 };

    internal abstract IConversationStore Conversations(ConversationStoreOptions options, DirectLineOptions directLine);

    internal abstract IStorage State(ConversationStoreOptions options);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Activity Message(string text) => new(ActivityTypes.Message) { Text = text, From = new ChannelAccount("u1") };

    private static string Text(byte[] json) => JsonDocument.Parse(json).RootElement.GetProperty("text").GetString()!;

    [Fact]
    public async Task A_conversation_is_opened_once_and_found_with_its_person()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();

        Assert.Null(await store.FindAsync(id, default));
        Assert.Equal(new StoredConversation(id, "u1"), await store.OpenAsync(id, "u1", default));
        Assert.Equal(new StoredConversation(id, "u1"), await store.OpenAsync(id, "someone else", default));
        Assert.Equal(new StoredConversation(id, "u1"), await store.FindAsync(id, default));
    }

    [Fact]
    public async Task A_conversation_starts_once()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();
        Assert.False(await store.MarkStartedAsync(id, default));
        await store.OpenAsync(id, "u1", default);

        Assert.True(await store.MarkStartedAsync(id, default));
        Assert.False(await store.MarkStartedAsync(id, default));
    }

    [Fact]
    public async Task Activities_are_numbered_in_order_and_read_after_a_watermark()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();
        await store.OpenAsync(id, "u1", default);
        var activity = Message("one");

        var first = await store.AppendAsync(id, activity, default);
        var second = await store.AppendAsync(id, Message("two"), default);

        Assert.Equal(id + "|0000001", first);
        Assert.Equal(first, activity.Id);
        Assert.Equal(id + "|0000002", second);
        var all = await store.ReadAfterAsync(id, 0, default);
        Assert.Equal(2, all!.Watermark);
        Assert.Equal(["one", "two"], all.Activities.Select(Text));
        Assert.Equal(first, JsonDocument.Parse(all.Activities[0]).RootElement.GetProperty("id").GetString());
        var newer = await store.ReadAfterAsync(id, 1, default);
        Assert.Equal(["two"], newer!.Activities.Select(Text));
        Assert.Empty((await store.ReadAfterAsync(id, 2, default))!.Activities);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities_within_its_count_and_bytes()
    {
        var store = Conversations(Small, TenActivities);
        var counted = NewId();
        var large = NewId();
        await store.OpenAsync(counted, "u1", default);
        await store.OpenAsync(large, "u1", default);

        for (var i = 1; i <= 25; i++) await store.AppendAsync(counted, Message("m" + i), default);
        for (var i = 1; i <= 6; i++) await store.AppendAsync(large, Message(i + new string('x', 3000)), default);

        var kept = (await store.ReadAfterAsync(counted, 0, default))!;
        Assert.Equal(25, kept.Watermark);
        Assert.Equal(Enumerable.Range(16, 10).Select(i => "m" + i), kept.Activities.Select(Text));
        var big = (await store.ReadAfterAsync(large, 0, default))!;
        Assert.Equal(6, big.Watermark);
        Assert.InRange(big.Activities.Sum(a => a.Length), 1, Small.MaxTranscriptBytes);
        Assert.StartsWith("6", Text(big.Activities[^1]));
    }

    [Fact]
    public async Task An_activity_larger_than_the_budget_is_still_kept_alone()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();
        await store.OpenAsync(id, "u1", default);
        await store.AppendAsync(id, Message("small"), default);

        await store.AppendAsync(id, Message(new string('y', 2 * Small.MaxTranscriptBytes)), default);

        var page = (await store.ReadAfterAsync(id, 0, default))!;
        Assert.StartsWith("yyy", Assert.Single(page.Activities.Select(Text)));
    }

    [Fact]
    public async Task A_conversation_that_is_gone_takes_no_activities()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();

        Assert.Null(await store.AppendAsync(id, Message("hello?"), default));
        Assert.Null(await store.ReadAfterAsync(id, 0, default));
        Assert.Null(await store.FindAsync(id, default));
    }

    [Fact]
    public async Task One_turn_at_a_time_per_conversation()
    {
        var store = Conversations(Small, TenActivities);
        var id = NewId();
        await store.OpenAsync(id, "u1", default);
        var first = await store.EnterTurnAsync(id, default);

        var second = store.EnterTurnAsync(id, default);
        var other = await store.EnterTurnAsync(NewId(), default);
        await Task.WhenAny(second, Task.Delay(300));
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task The_bots_state_comes_back_as_the_objects_it_stored()
    {
        var state = State(Small);
        var key = "directline/conversations/" + NewId();
        var memory = new Remembered { Last = "Can kratom cause hair loss?", Asked = ["one", "two"] };

        await state.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["Remembered"] = memory, ["Turns"] = 3 } });
        var read = await state.ReadAsync([key]);

        var values = Assert.IsAssignableFrom<IDictionary<string, object>>(read[key]);
        var back = Assert.IsType<Remembered>(values["Remembered"]);
        Assert.Equal(memory.Last, back.Last);
        Assert.Equal(memory.Asked, back.Asked);
        Assert.Equal(3L, Convert.ToInt64(values["Turns"], System.Globalization.CultureInfo.InvariantCulture));

        await state.DeleteAsync([key]);
        Assert.Empty(await state.ReadAsync([key]));
    }

    [Fact]
    public async Task A_state_past_its_budget_is_not_kept_and_the_old_one_goes_with_it()
    {
        var state = State(Small);
        var key = "emulator/conversations/" + NewId();
        await state.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["Remembered"] = new Remembered { Last = "short" } } });

        await state.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["Remembered"] = new Remembered { Last = new string('q', Small.MaxStateBytes) } } });

        Assert.Empty(await state.ReadAsync([key]));
    }

    protected static Dictionary<string, object> StateOf(string key, string last) =>
        new() { [key] = new Dictionary<string, object> { ["Remembered"] = new Remembered { Last = last } } };
}
