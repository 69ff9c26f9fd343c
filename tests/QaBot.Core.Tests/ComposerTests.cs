using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

public sealed class ComposerTests(ArticleFixture article) : IClassFixture<ArticleFixture>
{
    [Theory]
    [InlineData("Can kratom cause hair loss?")]
    [InlineData("What are the risks of using kratom?")]
    [InlineData("How does kratom help with opioid withdrawal?")]
    [InlineData("Which withdrawal symptoms can kratom ease?")]
    public void QuotesAreVerbatimWithTheirDocumentAndSection(string question)
    {
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.InRange(reply.Quotes.Count, 1, 3);
        Assert.InRange(reply.Quotes[0].Text.Length, 30, 600);
        Assert.All(reply.Quotes, q =>
        {
            Assert.True(Verbatim.IsIn(q.Text, TestCorpus.Article), $"not verbatim: {q.Text}");
            Assert.Equal("Exploring Kratom as a Potential Solution for Opioid Withdrawal", q.Document);
            Assert.False(string.IsNullOrWhiteSpace(q.Section));
            Assert.Contains(q.Text, reply.Text);
            Assert.InRange(q.Score, 0.0, 1.0);
        });
    }

    [Fact]
    public void WhenTheArticleSaysBothItQuotesBothSides()
    {
        var reply = article.Ask("Can kratom cause hair loss?");
        Assert.Contains(reply.Quotes, q => q.Text.Contains("not directly linked to hair loss", StringComparison.Ordinal));
        Assert.Contains(reply.Quotes, q => q.Text.Contains("may cause temporary hair loss", StringComparison.Ordinal)
            || q.Text.Contains("risks, including hair loss", StringComparison.Ordinal));
        Assert.StartsWith("The article says different things", reply.Text);
    }

    [Theory]
    [InlineData("Can kratom cause insomnia?", "adverse effects such as insomnia", "alleviate withdrawal symptoms like cravings, irritability, and insomnia")]
    [InlineData("Can kratom reduce anxiety?", "reducing anxiety", "adverse effects such as insomnia, anxiety")]
    public void ACueGoverningAListStillMakesItsSide(string question, string oneSide, string otherSide)
    {
        var reply = article.Ask(question);
        Assert.StartsWith("The article says different things", reply.Text);
        Assert.Contains(reply.Quotes, q => q.Text.Contains(oneSide, StringComparison.Ordinal));
        Assert.Contains(reply.Quotes, q => q.Text.Contains(otherSide, StringComparison.Ordinal));
    }

    [Fact]
    public void ASentenceThatLeansOnThePreviousOneIsQuotedWithIt()
    {
        var reply = article.Ask("Which withdrawal symptoms can kratom ease?");
        var quote = reply.Quotes.First(q => q.Text.Contains("This interaction can help alleviate", StringComparison.Ordinal));
        Assert.StartsWith("Firstly, kratom interacts with opioid receptors", quote.Text);
    }

    [Theory]
    [InlineData("What dose of kratom should I take?")]
    [InlineData("Is kratom legal in my state?")]
    [InlineData("What is the capital of France?")]
    [InlineData("")]
    [InlineData("   \t  ")]
    public void WhatTheArticleDoesNotCoverIsSaidPlainlyWithWhatItDoesCover(string question)
    {
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.NotFound, reply.Status);
        Assert.Empty(reply.Quotes);
        Assert.Contains("do not cover", reply.Text);
        Assert.Contains("Understanding Kratom: A Natural Alternative", reply.Text);
    }

    [Theory]
    [InlineData("I think I'm overdosing")]
    [InlineData("my friend took too much and isn't breathing")]
    [InlineData("I want to kill myself")]
    [InlineData("my brother is unresponsive after taking kratom, what do I do?")]
    [InlineData("I've been feeling suicidal since I started withdrawal")]
    public void AnEmergencyGetsEmergencyGuidanceFirst(string question)
    {
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.Emergency, reply.Status);
        // Sure or not, the guidance comes first; when unsure, the question is answered below it.
        Assert.Matches("^(This sounds like an emergency|If you or someone near you may be in danger)", reply.Text);
        Assert.Contains("911", reply.Text);
        Assert.All(reply.Quotes, q => Assert.True(reply.Text.IndexOf("911", StringComparison.Ordinal) < reply.Text.IndexOf(q.Text, StringComparison.Ordinal)));
        Assert.Contains("988", reply.Text);
        Assert.Contains("1-800-662-4357", reply.Text);
        Assert.True(reply.Text.IndexOf("911", StringComparison.Ordinal) < reply.Text.IndexOf(article.Advisory, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Can you overdose on kratom?")]
    [InlineData("What happens if someone takes too much kratom?")]
    [InlineData("Does kratom cause suicidal thoughts?")]
    [InlineData("Does kratom help with breathing problems during withdrawal?")]
    [InlineData("I overdosed on heroin two years ago, can kratom help me stay clean?")]
    public void AGeneralQuestionAboutADangerIsNotAnEmergency(string question) =>
        Assert.NotEqual(ReplyStatus.Emergency, article.Ask(question).Status);

    [Theory]
    [InlineData("hello", "Hello")]
    [InlineData("thanks!", "welcome")]
    [InlineData("What can you do?", "quoting it word for word")]
    [InlineData("bye", "Goodbye")]
    public void SmallTalkGetsAShortFriendlyReply(string message, string expected)
    {
        var reply = article.Ask(message);
        Assert.Equal(ReplyStatus.Chitchat, reply.Status);
        Assert.Contains(expected, reply.Text);
        Assert.Empty(reply.Quotes);
    }

    [Fact]
    public void AGreetingBeforeAQuestionDoesNotHideTheQuestion() =>
        Assert.Equal(ReplyStatus.Answered, article.Ask("Hi! Is kratom addictive?").Status);

    [Theory]
    [InlineData("Can kratom cause hair loss?")]
    [InlineData("What is buprenorphine?")]
    [InlineData("I want to kill myself")]
    [InlineData("hello")]
    [InlineData(null)]
    public void EveryReplyEndsWithTheAdvisory(string? question)
    {
        var reply = article.Ask(question);
        Assert.Equal(article.Advisory, reply.Advisory);
        Assert.EndsWith(reply.Advisory, reply.Text);
        Assert.Matches("doctor|medical|health", reply.Advisory);
    }

    [Theory]
    [InlineData("What are the risks of using kratom?")]
    [InlineData("Can kratom cause hair loss?")]
    [InlineData("How does kratom help with opioid withdrawal?")]
    [InlineData("Which withdrawal symptoms can kratom ease?")]
    public void TellMeMoreNeverQuotesASentenceTwice(string question)
    {
        var seen = new List<string>();
        for (var page = 0; page < 10; page++)
        {
            var reply = article.Ask(question, skip: seen.Count);
            if (reply.Status != ReplyStatus.Answered) break;
            seen.AddRange(reply.Quotes.Select(q => q.Text));
        }
        var sentences = seen.SelectMany(q => Documents.SentenceSplitter.Split(q, 0, q.Length).Select(r => q[r.Start..r.End])).ToList();
        Assert.True(sentences.Count > 3);
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
    }

    [Fact]
    public void TellMeMoreGivesTheNextPassagesAndThenSaysThatIsAll()
    {
        var first = article.Ask("What are the risks of using kratom?");
        var more = article.Ask("What are the risks of using kratom?", skip: first.Quotes.Count);
        Assert.Equal(ReplyStatus.Answered, more.Status);
        Assert.DoesNotContain(more.Quotes, q => first.Quotes.Any(f => f.Text == q.Text));
        var end = article.Ask("What are the risks of using kratom?", skip: 1000);
        Assert.Equal(ReplyStatus.NotFound, end.Status);
        Assert.Contains("everything the documents say", end.Text);
    }

    [Fact]
    public void TheReplySerializesToTheContract()
    {
        var json = ReplyJson.Serialize(article.Ask("What dose of kratom should I take?"));
        Assert.Contains("\"status\":\"not_found\"", json);
        Assert.Contains("\"quotes\":[]", json);
        Assert.Contains("\"advisory\":", json);
        Assert.Contains("\"text\":", json);
    }
}
