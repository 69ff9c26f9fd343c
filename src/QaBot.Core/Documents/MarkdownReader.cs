using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QaBot.Core.Documents;

/// <summary>
/// Markdown, parsed by Markdig: '#' and underlined headings are sections; every paragraph, list
/// item and table row is a passage of its own, quoted as written in the file; code, HTML blocks and
/// front matter are not content. A list whose items all repeat headings is a table of contents.
/// </summary>
internal sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseYamlFrontMatter().Build();

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public CorpusDocument Read(string fileName, Stream content) => Read(fileName, PlainTextReader.ReadUtf8(content));

    public static CorpusDocument Read(string fileName, string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var headings = document.Descendants<HeadingBlock>().Select(h => Key(Plain(h.Inline))).ToHashSet();
        var builder = new DocumentBuilder(fileName);
        Walk(document, builder, text, headings);
        return builder.Build();
    }

    private static void Walk(ContainerBlock container, DocumentBuilder builder, string text, HashSet<string> headings)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    builder.Heading(heading.Level, Plain(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    builder.Passage(Source(paragraph, text));
                    break;
                case ListBlock list when IsTableOfContents(list, headings):
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
                        builder.Passage(string.Join(" | ", row.OfType<TableCell>().Select(c => Cell(c, text)).Where(c => c.Length > 0)));
                    break;
                case ContainerBlock inner:
                    Walk(inner, builder, text, headings);
                    break;
                // Code, HTML, thematic breaks, link definitions and front matter are not prose to quote.
            }
        }
    }

    /// <summary>A paragraph as written in the file (its span starts after any list marker).</summary>
    private static string Source(ParagraphBlock paragraph, string text) =>
        paragraph.Span.IsEmpty ? "" : text.Substring(paragraph.Span.Start, Math.Min(paragraph.Span.Length, text.Length - paragraph.Span.Start));

    private static string Cell(TableCell cell, string text) =>
        string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => Source(p, text).Trim()));

    private static bool IsTableOfContents(ListBlock list, HashSet<string> headings)
    {
        var items = list.OfType<ListItemBlock>().Select(i => i.Descendants<ParagraphBlock>().FirstOrDefault()).ToList();
        return items.Count >= 2 && items.All(p => p is not null && headings.Contains(Key(Plain(p.Inline))));
    }

    /// <summary>The text a reader sees of inline Markdown (emphasis and link markup dropped).</summary>
    private static string Plain(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        Append(inline, sb);
        return sb.ToString();
    }

    private static void Append(Inline? inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
            case ContainerInline container:
                foreach (var child in container) Append(child, sb);
                break;
        }
    }

    private static string Key(string text) =>
        TextFolding.FoldWhitespace(text.Replace('\u2019', '\'').ToLower(CultureInfo.InvariantCulture));
}
