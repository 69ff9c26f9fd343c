using System.Text;
using QaBot.Core.Answering;

namespace QaBot.Web.Bot;

/// <summary>
/// Turns the core's reply into chat Markdown: each quote as a blockquote with the section it
/// comes from, and the medical advice set apart at the end. Article text is escaped, so a quote
/// is shown exactly as the article words it.
/// </summary>
internal static class ReplyMarkdown
{
    public static string Format(Reply reply)
    {
        var body = reply.Status == ReplyStatus.Answered && reply.Quotes.Count > 0
            ? Answered(reply)
            : Markdown.EscapeInline(WithoutAdvisory(reply));
        return body + "\n\n" + Advice(reply.Advisory);
    }

    /// <summary>The medical advice, in its own paragraph.</summary>
    public static string Advice(string advisory) => "\u26A0\uFE0F *" + Markdown.Escape(advisory) + "*";

    private static string Answered(Reply reply)
    {
        // The core's first line introduces the quotes in its own words ("Here is what the article says:").
        var intro = reply.Text.Split('\n', 2)[0].Trim();
        var manyDocuments = reply.Quotes.Select(q => q.Document).Distinct().Count() > 1;
        var sb = new StringBuilder(Markdown.EscapeInline(intro));
        foreach (var quote in reply.Quotes)
        {
            sb.Append("\n\n> ").Append(Markdown.Escape(quote.Text).Replace("\n", "\n> "))
              .Append("\n>\n> \u2014 *").Append(Markdown.Escape(quote.Section)).Append('*');
            if (manyDocuments) sb.Append(", ").Append(Markdown.Escape(quote.Document));
        }
        return sb.ToString();
    }

    /// <summary>The reply's own words: <see cref="Reply.Text"/> without the advisory that ends it.</summary>
    private static string WithoutAdvisory(Reply reply)
    {
        var text = reply.Text.TrimEnd();
        if (reply.Advisory.Length > 0 && text.EndsWith(reply.Advisory, StringComparison.Ordinal))
            text = text[..^reply.Advisory.Length];
        return text.TrimEnd();
    }
}
