using QaBot.Core.Answering;
using QaBot.Web.Bot;

namespace QaBot.Web.Tests;

/// <summary>Text from the article, configuration or a person is shown as written: never as formatting, links or HTML.</summary>
public sealed class MarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))")]
    [InlineData("*not bold* and _not italic_", "\\*not bold\\* and \\_not italic\\_")]
    [InlineData("a `code` & &amp;", "a \\`code\\` \\& \\&amp;")]
    [InlineData("Kratom's \"effects\"", "Kratom\\'s \\\"effects\\\"")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("12. not a list", "12\\. not a list")]
    [InlineData("> not a quote", "\\> not a quote")]
    [InlineData("plain words, 12.5 mg", "plain words, 12.5 mg")]
    public void Escape_neutralises_every_formatting_character(string text, string expected) =>
        Assert.Equal(expected, Markdown.Escape(text));

    [Fact]
    public void Escape_inline_keeps_the_cores_own_lists()
    {
        Assert.Equal("Help now:\n\n- Emergency services: call 911\n- 988 Suicide \\& Crisis Lifeline",
            Markdown.EscapeInline("Help now:\n\n- Emergency services: call 911\n- 988 Suicide & Crisis Lifeline"));
    }

    [Fact]
    public void A_quote_with_markup_is_one_blockquote_of_plain_text()
    {
        var reply = new Reply(ReplyStatus.Answered, "Here is what the article says:\n\n\u201C...\u201D", [new Quote("<b>bold</b>\n# heading", "Doc", "Part *one*", 1)], "Not medical advice.")
        {
            Intro = "Here is what the article says:",
        };

        var markdown = ReplyMarkdown.Format(reply);

        Assert.Equal("Here is what the article says:\n\n> \\<b\\>bold\\</b\\>\n> \\# heading\n>\n> \u2014 *Part \\*one\\**\n\n\u26A0\uFE0F *Not medical advice.*", markdown);
    }

    [Fact]
    public void A_quote_from_a_pdf_names_its_page()
    {
        var quote = new Quote("Sleep returns within weeks.", "Sleep Handout", "Recovery", 1) { Page = 3 };
        var reply = new Reply(ReplyStatus.Answered, "...", [quote], "Not medical advice.") { Intro = "Here is what the documents say:" };

        Assert.Contains("> \u2014 *Recovery*, p.\u00A03\n", ReplyMarkdown.Format(reply));
    }

    [Fact]
    public void Replies_without_quotes_keep_their_text_and_end_with_the_advice_once()
    {
        var reply = new Reply(ReplyStatus.NotFound, "The documents do not cover that.\n\nNot medical advice.", [], "Not medical advice.");

        Assert.Equal("The documents do not cover that.\n\n\u26A0\uFE0F *Not medical advice.*", ReplyMarkdown.Format(reply));
    }

    [Fact]
    public void An_emergency_answered_below_the_guidance_shows_the_guidance_then_the_quotes()
    {
        var reply = new Reply(ReplyStatus.Emergency, "ignored", [new Quote("Mixing can be dangerous.", "Doc", "Risks", 1)], "Not medical advice.")
        {
            Intro = "If you or someone near you may be in danger, please get help right now:\n\n- Emergency services: call 911\n\nAbout your question, here is what the article says:",
        };

        var markdown = ReplyMarkdown.Format(reply);

        Assert.StartsWith("If you or someone near you may be in danger", markdown);
        Assert.True(markdown.IndexOf("911", StringComparison.Ordinal) < markdown.IndexOf("> Mixing can be dangerous.", StringComparison.Ordinal));
        Assert.EndsWith("\u26A0\uFE0F *Not medical advice.*", markdown);
    }
}
