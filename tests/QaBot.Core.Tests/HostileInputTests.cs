using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using QaBot.Core.Answering;
using QaBot.Tests.Shared;

namespace QaBot.Core.Tests;

/// <summary>Whatever arrives, the core answers or replies politely, with the advice, and quotes only the documents.</summary>
public sealed class HostileInputTests(ArticleFixture article) : IClassFixture<ArticleFixture>
{
    [Theory]
    [MemberData(nameof(HostileInputs.Theory), MemberType = typeof(HostileInputs))]
    public void HostileTextGetsAWellFormedReplyWithTheAdvice(string question) => AssertWellFormed(question, article.Ask(question));

    [Property(MaxTest = 300)]
    public void AnyTextGetsAWellFormedReply(string question) => AssertWellFormed(question, article.Ask(question));

    [Property(MaxTest = 200)]
    public Property ArticleWordsInAnyOrderGetAWellFormedReply() =>
        Prop.ForAll(WordSoup().ToArbitrary(), question => AssertWellFormed(question, article.Ask(question)));

    /// <summary>Questions made of the article's own words, query syntax and noise, in any order.</summary>
    private static Gen<string> WordSoup()
    {
        var words = Verbatim.Fold(TestCorpus.Article).Split(' ').Distinct().ToArray();
        var noise = new[] { "AND", "OR", "NOT", "*", "?", "~2", "^3", ":", "\"", "(", ")", "[", "]", "\\", "overdose", "911", "\uD800", "\u202E" };
        return Gen.Elements(words.Concat(noise).ToArray()).ListOf().Select(w => string.Join(' ', w));
    }

    private void AssertWellFormed(string? question, Reply reply)
    {
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(article.Advisory, reply.Advisory);
        Assert.EndsWith(reply.Advisory, reply.Text);
        Assert.True(Enum.IsDefined(reply.Status));
        Assert.All(reply.Quotes, q => Assert.True(Verbatim.IsIn(q.Text, TestCorpus.Article), $"not verbatim for {question}: {q.Text}"));
        // Quotes answer a question; an emergency may carry them below the guidance when the bot is not sure.
        if (reply.Status is not (ReplyStatus.Answered or ReplyStatus.Emergency)) Assert.Empty(reply.Quotes);
        if (reply.Status == ReplyStatus.Emergency && reply.Quotes.Count > 0) Assert.StartsWith("If you or someone near you may be in danger", reply.Text);
        // The reply never echoes the question's markup back to a page.
        Assert.DoesNotContain("<script", reply.Text, StringComparison.OrdinalIgnoreCase);
    }
}
