using Microsoft.Extensions.Options;
using QaBot.Web.DirectLine;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

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

    private static ConversationTokens Tokens(TimeProvider clock, string key = "", ITokenKeys? keys = null) =>
        new(Options.Create(new DirectLineOptions { TokenLifetime = TimeSpan.FromMinutes(30), TokenSigningKey = key }), keys ?? new InProcessTokenKeys(), clock);

    [Fact]
    public async Task A_token_names_its_conversation_and_person_until_it_expires()
    {
        var clock = new ManualClock(Start);
        var tokens = Tokens(clock);
        var token = await tokens.IssueAsync("conv1", "user|1", default);

        Assert.Equal(new TokenCheck(TokenValidity.Valid, "conv1", "user|1"), await tokens.CheckAsync("Bearer " + token, default));
        clock.Now = Start.AddMinutes(29);
        Assert.Equal(TokenValidity.Valid, (await tokens.CheckAsync("Bearer " + token, default)).Status);
        clock.Now = Start.AddMinutes(30);
        Assert.Equal(TokenValidity.Expired, (await tokens.CheckAsync("Bearer " + token, default)).Status);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_altered_is_invalid()
    {
        var clock = new ManualClock(Start);
        var token = await Tokens(clock, new string('k', 32)).IssueAsync("conv1", "u", default);
        var tokens = Tokens(clock, new string('q', 32));

        Assert.Equal(TokenValidity.Invalid, (await tokens.CheckAsync("Bearer " + token, default)).Status);
        Assert.Equal(TokenValidity.Invalid, (await Tokens(clock).CheckAsync("Bearer " + await Tokens(clock).IssueAsync("conv1", "u", default), default)).Status);

        var mine = (await tokens.IssueAsync("conv1", "u", default)).Split('.');
        var other = (await tokens.IssueAsync("conv2", "u", default)).Split('.');
        Assert.Equal(TokenValidity.Invalid, (await tokens.CheckAsync($"Bearer {mine[0]}.{other[1]}.{mine[2]}", default)).Status);
    }

    [Fact]
    public async Task Without_a_configured_key_the_stores_key_signs()
    {
        var clock = new ManualClock(Start);
        var keys = new InProcessTokenKeys();

        var token = await Tokens(clock, keys: keys).IssueAsync("conv1", "u", default);

        Assert.Equal(TokenValidity.Valid, (await Tokens(clock, keys: keys).CheckAsync("Bearer " + token, default)).Status);
    }

    [Theory]
    [InlineData(null, "Missing")]
    [InlineData("", "Missing")]
    [InlineData("Bearer", "Invalid")]
    [InlineData("Bearer x", "Invalid")]
    [InlineData("Bearer dl1.!!!.???", "Invalid")]
    [InlineData("Basic dXNlcjpwYXNz", "Invalid")]
    public async Task Anything_but_a_signed_bearer_token_is_refused(string? header, string expected) =>
        Assert.Equal(Enum.Parse<TokenValidity>(expected), (await Tokens(new ManualClock(Start)).CheckAsync(header, default)).Status);
}
