using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.DirectLine;
using QaBot.Web.Hosting;

namespace QaBot.Web.Tests;

/// <summary>A clock a test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class ConversationTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ConversationTokens Tokens(TimeProvider clock, string key = "") =>
        new(Options.Create(new DirectLineOptions { TokenLifetime = TimeSpan.FromMinutes(30), TokenSigningKey = key }), clock);

    [Fact]
    public void A_token_names_its_conversation_until_it_expires()
    {
        var clock = new ManualClock(Start);
        var tokens = Tokens(clock);
        var token = tokens.Issue("conv1");

        Assert.Equal(new TokenCheck(TokenValidity.Valid, "conv1"), tokens.Check("Bearer " + token));
        clock.Now = Start.AddMinutes(29);
        Assert.Equal(TokenValidity.Valid, tokens.Check("Bearer " + token).Status);
        clock.Now = Start.AddMinutes(30);
        Assert.Equal(TokenValidity.Expired, tokens.Check("Bearer " + token).Status);
    }

    [Fact]
    public void A_token_signed_with_another_key_or_altered_is_invalid()
    {
        var clock = new ManualClock(Start);
        var token = Tokens(clock, new string('k', 32)).Issue("conv1");
        var tokens = Tokens(clock, new string('q', 32));

        Assert.Equal(TokenValidity.Invalid, tokens.Check("Bearer " + token).Status);

        var mine = tokens.Issue("conv1");
        var parts = mine.Split('.');
        var other = tokens.Issue("conv2").Split('.');
        Assert.Equal(TokenValidity.Invalid, tokens.Check($"Bearer {parts[0]}.{other[1]}.{parts[2]}").Status);
    }

    [Theory]
    [InlineData(null, "Missing")]
    [InlineData("", "Missing")]
    [InlineData("Bearer", "Invalid")]
    [InlineData("Bearer x", "Invalid")]
    [InlineData("Bearer dl1.!!!.???", "Invalid")]
    [InlineData("Basic dXNlcjpwYXNz", "Invalid")]
    public void Anything_but_a_signed_bearer_token_is_refused(string? header, string expected) =>
        Assert.Equal(Enum.Parse<TokenValidity>(expected), Tokens(new ManualClock(Start)).Check(header).Status);
}

public sealed class ConversationStoreTests
{
    private static ConversationStore Store(int conversations, int activities = 50) =>
        new(Options.Create(new DirectLineOptions { MaxConversations = conversations, MaxActivitiesPerConversation = activities }));

    [Fact]
    public void Past_the_limit_the_least_recently_used_conversation_is_evicted()
    {
        var store = Store(2);
        var evicted = new List<string>();
        store.Evicted += c => evicted.Add(c.Id);
        var first = store.Create(null);
        var second = store.Create(null);

        Assert.Same(first, store.Find(first.Id));
        var third = store.Create("u3");

        Assert.Equal([second.Id], evicted);
        Assert.Null(store.Find(second.Id));
        Assert.NotNull(store.Find(first.Id));
        Assert.Equal("u3", store.Find(third.Id)!.UserId);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void A_conversation_keeps_only_its_newest_activities_and_watermarks_keep_counting()
    {
        var conversation = Store(10, activities: 10).Create(null);
        var ids = Enumerable.Range(1, 25).Select(i => conversation.Append(new Activity(ActivityTypes.Message) { Text = "m" + i })).ToList();

        var (all, watermark) = conversation.After(0);
        Assert.Equal(10, all.Count);
        Assert.Equal(25, watermark);
        Assert.Contains("\"m16\"", all[0]);
        Assert.Contains(ids[^1], all[^1]);

        var (newer, same) = conversation.After(23);
        Assert.Equal(2, newer.Count);
        Assert.Equal(25, same);
    }

    [Fact]
    public void A_conversation_starts_once()
    {
        var conversation = Store(1).Create(null);
        Assert.True(conversation.MarkStarted());
        Assert.False(conversation.MarkStarted());
    }
}
