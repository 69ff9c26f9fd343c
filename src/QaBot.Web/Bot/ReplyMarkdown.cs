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
        var sb = new StringBuilder(Markdown.EscapeInline(reply.Intro.Length > 0 ? reply.Intro : WithoutAdvisory(reply)));
        if (reply.Quotes.Count > 0) AppendQuotes(sb, reply.Quotes);
        return sb.Append("\n\n").Append(Advice(reply.Advisory)).ToString();
    }

    /// <summary>The medical advice, in its own paragraph.</summary>
    public static string Advice(string advisory) => "\u26A0\uFE0F *" + Markdown.Escape(advisory) + "*";

    /// <summary>Each quote as a blockquote with its section (and its document when there are several).</summary>
    private static void AppendQuotes(StringBuilder sb, IReadOnlyList<Quote> quotes)
    {
        var manyDocuments = quotes.Select(q => q.Document).Distinct().Count() > 1;
        foreach (var quote in quotes)
        {
            sb.Append("\n\n> ").Append(Markdown.Escape(quote.Text).Replace("\n", "\n> "))
              .Append("\n>\n> \u2014 *").Append(Markdown.Escape(quote.Section)).Append('*');
            if (manyDocuments) sb.Append(", ").Append(Markdown.Escape(quote.Document));
            if (quote.Page is { } page) sb.Append(", p.\u00A0").Append(page);
        }
    }

    /// <summary>For a reply made without an intro (older callers): <see cref="Reply.Text"/> without the advisory that ends it.</summary>
    private static string WithoutAdvisory(Reply reply)
    {
        var text = reply.Text.TrimEnd();
        if (reply.Advisory.Length > 0 && text.EndsWith(reply.Advisory, StringComparison.Ordinal))
            text = text[..^reply.Advisory.Length];
        return text.TrimEnd();
    }
}
