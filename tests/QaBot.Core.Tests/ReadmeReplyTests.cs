using System.Text.Json;
using System.Text.RegularExpressions;
using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

/// <summary>The README's description of the reply matches what replies carry.</summary>
public sealed partial class ReadmeReplyTests(ArticleFixture article) : IClassFixture<ArticleFixture>
{
    private static readonly string Section = ReplySection();

    private static string ReplySection()
    {
        var readme = File.ReadAllText(Path.Combine(TestCorpus.Root, "README.md"));
        var start = readme.IndexOf("## The reply", StringComparison.Ordinal);
        return readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_example_has_exactly_the_fields_of_a_reply()
    {
        var example = JsonDocument.Parse(JsonBlock().Match(Section).Groups[1].Value).RootElement;
        var reply = JsonDocument.Parse(ReplyJson.Serialize(article.Ask("Can kratom cause hair loss?"))).RootElement;

        Assert.Equal(reply.EnumerateObject().Select(p => p.Name).Order(), example.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(reply.GetProperty("quotes")[0].EnumerateObject().Select(p => p.Name).Order(),
            example.GetProperty("quotes")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("Can kratom cause hair loss?")]
    [InlineData("What is the capital of France?")]
    [InlineData("hello")]
    [InlineData("my friend took too much and is not breathing")]
    public void Every_status_and_composer_a_reply_carries_is_described(string question)
    {
        var reply = JsonDocument.Parse(ReplyJson.Serialize(article.Ask(question))).RootElement;

        Assert.Contains($"`{reply.GetProperty("status").GetString()}`", Section);
        Assert.Contains($"`{reply.GetProperty("composer").GetString()}`", Section);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
