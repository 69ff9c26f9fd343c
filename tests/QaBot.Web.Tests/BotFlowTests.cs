using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Answering;
using QaBot.Web.Bot;

namespace QaBot.Web.Tests;

/// <summary>The bot's conversation, turn by turn, through the Bot Framework's own TestAdapter.</summary>
public sealed class BotFlowTests : IClassFixture<QaBotFactory>
{
    private const string Answered = "Can kratom cause hair loss?";
    private const string Uncovered = "What is the capital of France?";
    private const string Emergency = "My friend took too many pills and is not breathing, does kratom help?";

    private readonly QaBotFactory _factory;

    public BotFlowTests(QaBotFactory factory) => _factory = factory;

    private IQuestionAnswerer Answerer => _factory.Services.GetRequiredService<IQuestionAnswerer>();

    /// <summary>The host's own bot, on a conversation no other test shares.</summary>
    private TestFlow Flow() =>
        new(new TestAdapter(TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"))), _factory.Services.GetRequiredService<IBot>());

    private static IMessageActivity Message(IActivity activity)
    {
        Assert.Equal(ActivityTypes.Message, activity.Type);
        return activity.AsMessageActivity();
    }

    private static void Typing(IActivity activity) => Assert.Equal(ActivityTypes.Typing, activity.Type);

    private static IReadOnlyList<string> Suggested(IMessageActivity message) =>
        message.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    [Fact]
    public async Task Welcomes_a_person_who_joins_with_what_it_answers_and_example_questions()
    {
        var join = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("user1", "User")] };
        await Flow()
            .Send(join)
            .AssertReply(reply =>
            {
                var message = Message(reply);
                Assert.StartsWith("Hello!", message.Text);
                Assert.Contains("Exploring Kratom as a Potential Solution for Opioid Withdrawal", message.Text);
                Assert.Contains("- " + Markdown.Escape("Mechanisms Behind Kratom's Efficacy in Withdrawal"), message.Text);
                Assert.Contains("This is not medical advice.", message.Text);
                Assert.Equal(TextFormatTypes.Markdown, message.TextFormat);
                Assert.Contains("Can kratom cause hair loss?", Suggested(message));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Says_nothing_when_only_the_bot_joins()
    {
        var join = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot", "Bot")] };
        await Flow().Send(join).AssertNoReply().StartTestAsync();
    }

    [Fact]
    public async Task Answers_with_typing_then_blockquoted_quotes_their_sections_and_the_advice()
    {
        var expected = await Answerer.AnswerAsync(Answered);
        Assert.Equal(ReplyStatus.Answered, expected.Status);

        await Flow()
            .Send(Answered)
            .AssertReply(Typing)
            .AssertReply(reply =>
            {
                var message = Message(reply);
                foreach (var quote in expected.Quotes)
                {
                    Assert.Contains("\n\n> " + Markdown.Escape(quote.Text), message.Text);
                    Assert.Contains("> \u2014 *" + Markdown.Escape(quote.Section) + "*", message.Text);
                }
                Assert.EndsWith("*" + Markdown.Escape(expected.Advisory) + "*", message.Text);
                var suggested = Suggested(message);
                Assert.Equal("Tell me more", suggested[0]);
                Assert.DoesNotContain(Answered, suggested);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Says_what_the_article_covers_when_it_does_not_answer()
    {
        var expected = await Answerer.AnswerAsync(Uncovered);
        Assert.Equal(ReplyStatus.NotFound, expected.Status);

        await Flow()
            .Send(Uncovered)
            .AssertReply(Typing)
            .AssertReply(reply =>
            {
                var message = Message(reply);
                Assert.DoesNotContain("> ", message.Text);
                Assert.StartsWith(expected.Text.Split(' ', 4)[0], message.Text);
                Assert.Contains("This is not medical advice.", message.Text);
                Assert.DoesNotContain("Tell me more", Suggested(message));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Puts_emergency_guidance_first_and_suggests_nothing_else()
    {
        var expected = await Answerer.AnswerAsync(Emergency);
        Assert.Equal(ReplyStatus.Emergency, expected.Status);

        await Flow()
            .Send(Emergency)
            .AssertReply(Typing)
            .AssertReply(reply =>
            {
                var message = Message(reply);
                Assert.StartsWith(expected.Text.Split('\n')[0], message.Text);
                Assert.Contains("call 911", message.Text);
                Assert.DoesNotContain("> ", message.Text);
                Assert.Empty(Suggested(message));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Tell_me_more_gives_the_next_passages_for_the_previous_question()
    {
        var first = await Answerer.AnswerAsync(Answered);
        var next = await Answerer.AnswerAsync(Answered, skip: first.Quotes.Count);
        Assert.Equal(ReplyStatus.Answered, next.Status);
        Assert.NotEqual(first.Quotes[0].Text, next.Quotes[0].Text);

        await Flow()
            .Send(Answered)
            .AssertReply(Typing)
            .AssertReply(reply => Assert.Contains(Markdown.Escape(first.Quotes[0].Text), Message(reply).Text))
            .Send("Tell me more!")
            .AssertReply(Typing)
            .AssertReply(reply =>
            {
                var text = Message(reply).Text;
                foreach (var quote in next.Quotes) Assert.Contains("> " + Markdown.Escape(quote.Text), text);
                Assert.DoesNotContain("> " + Markdown.Escape(first.Quotes[0].Text), text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Tell_me_more_before_any_question_asks_for_one()
    {
        await Flow()
            .Send("tell me more")
            .AssertReply(Typing)
            .AssertReply(reply => Assert.StartsWith("Ask me a question about the article first", Message(reply).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_an_attachment_without_text_politely()
    {
        var upload = new Activity(ActivityTypes.Message)
        {
            Attachments = [new Attachment("image/png", "https://example.invalid/x.png", name: "x.png")],
        };
        await Flow()
            .Send(upload)
            .AssertReply(reply => Assert.Contains("cannot open attachments", Message(reply).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_an_empty_message_and_an_event_politely()
    {
        await Flow()
            .Send(new Activity(ActivityTypes.Message) { Text = "   " })
            .AssertReply(reply => Assert.Contains("Please type a question", Message(reply).Text))
            .Send(new Activity(ActivityTypes.Event) { Name = "webchat/join" })
            .AssertReply(reply => Assert.Contains("I only answer typed questions", Message(reply).Text))
            .StartTestAsync();
    }
}
