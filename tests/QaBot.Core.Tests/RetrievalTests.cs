using QaBot.Core.Answering;

namespace QaBot.Core.Tests;

public sealed class RetrievalTests(ArticleFixture article) : IClassFixture<ArticleFixture>
{
    [Theory]
    [InlineData("Will kratom make me go bald?", "hair")]
    [InlineData("Is kratom habit forming?", "dependence")]
    [InlineData("can kratom upset my stomach", "gastrointestinal")]
    [InlineData("Should I see my GP before trying it with kratom?", "professional")]
    [InlineData("Does kratom give you energy?", "stimulant")]
    [InlineData("is kratom weaker than oxycodone", "lesser potency")]
    public void LayWordsFindTheArticlesTerms(string question, string expected)
    {
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains(expected, reply.Quotes[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("can kratum cause hair los?", "hair loss")]
    [InlineData("is kratom adictive", "dependence")]
    [InlineData("does kratom help with cravngs", "cravings")]
    public void MisspeltWordsAreCorrectedToTheCorpusWords(string question, string expected)
    {
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains(reply.Quotes, q => q.Text.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ASpellingFixNeverTurnsAnUnknownWordIntoADifferentCorpusWord()
    {
        // "overdose" is two edits from the article's "overcome"; the article does not discuss overdoses.
        Assert.Equal(ReplyStatus.NotFound, article.Ask("can kratom cause an overdose").Status);
    }

    [Theory]
    [InlineData("kratom AND (hair:loss)^2 OR NOT dependence~ \"risks")]
    [InlineData("*:* text:kratom* ?ratom [a TO z] {x TO y} \\ / && || !")]
    [InlineData("title:\"Exploring\"~10^5 +hair -loss")]
    public void LuceneQuerySyntaxIsReadAsPlainWords(string question)
    {
        var reply = article.Ask(question);
        Assert.Contains(reply.Status, new[] { ReplyStatus.Answered, ReplyStatus.NotFound });
        Assert.EndsWith(article.Advisory, reply.Text);
    }

    [Fact]
    public void AVeryLongQuestionIsAnsweredFromItsStart()
    {
        var question = "Can kratom cause hair loss?" + new string(' ', 50_000) + "What is the capital of France?";
        var reply = article.Ask(question);
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains(reply.Quotes, q => q.Text.Contains("hair loss", StringComparison.Ordinal));
    }

    [Fact]
    public void AVeryLongRamblingQuestionGetsAWellFormedReply()
    {
        var reply = article.Ask("Can kratom cause hair loss? " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 2000)));
        Assert.Contains(reply.Status, new[] { ReplyStatus.Answered, ReplyStatus.NotFound });
        Assert.EndsWith(article.Advisory, reply.Text);
    }

    [Fact]
    public void ThousandsOfRepeatedWordsAreBounded()
    {
        var reply = article.Ask(string.Join(' ', Enumerable.Repeat("kratom", 20_000)));
        Assert.Equal(ReplyStatus.Answered, reply.Status);
    }

    [Fact]
    public void AQuantityQuestionIsNotAnsweredBySentencesWithoutAmounts()
    {
        Assert.Equal(ReplyStatus.NotFound, article.Ask("How long does opioid withdrawal last?").Status);
        Assert.Equal(ReplyStatus.NotFound, article.Ask("how many people use kratom in the US").Status);
    }

    [Fact]
    public void AQuestionAboutTheDocumentIsReadWithoutItsFrame()
    {
        var reply = article.Ask("What does the article say about dehydration?");
        Assert.Equal(ReplyStatus.Answered, reply.Status);
        Assert.Contains("dehydration", reply.Quotes[0].Text, StringComparison.Ordinal);
    }
}
