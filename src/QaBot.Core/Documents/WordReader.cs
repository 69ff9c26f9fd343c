using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace QaBot.Core.Documents;

/// <summary>
/// A Word document (.docx), read with the Open XML SDK. Paragraphs in a heading style (or with an
/// outline level) are sections, the Title style names the document, every other paragraph and
/// every table row is a passage. Headers, footers, comments and deleted text are not read.
/// </summary>
internal sealed partial class WordReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public CorpusDocument Read(string fileName, Stream content)
    {
        using var word = Open(content);
        var main = word.MainDocumentPart;
        var body = main?.Document?.Body ?? throw new UnreadableDocumentException("it has no document body");
        var styles = Styles(main!.StyleDefinitionsPart?.Styles);
        var builder = new DocumentBuilder(fileName);
        Walk(body, builder, styles);
        if (builder.Title is null) builder.Title = word.PackageProperties.Title;
        return builder.Build();
    }

    private static WordprocessingDocument Open(Stream content)
    {
        try
        {
            return WordprocessingDocument.Open(content, isEditable: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableDocumentException($"it is not a readable Word document ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static void Walk(OpenXmlElement container, DocumentBuilder builder, Dictionary<string, StyleInfo> styles)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph, builder, styles);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        if (row.TableRowProperties?.GetFirstChild<TableHeader>() is not null) continue; // column names
                        var cells = row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(ShownText)).Trim()).Where(c => c.Length > 0);
                        builder.Passage(string.Join(" | ", cells));
                    }
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } inner:
                    Walk(inner, builder, styles);
                    break;
            }
        }
    }

    private static void ReadParagraph(Paragraph paragraph, DocumentBuilder builder, Dictionary<string, StyleInfo> styles)
    {
        var text = ShownText(paragraph);
        if (text.Trim().Length == 0) return;
        var properties = paragraph.ParagraphProperties;
        var style = properties?.ParagraphStyleId?.Val?.Value is { } id && styles.TryGetValue(id, out var s) ? s : null;
        if (style?.IsTitle == true && builder.Title is null) { builder.Title = text; return; }
        var outline = properties?.OutlineLevel?.Val?.Value ?? style?.OutlineLevel;
        if (outline is { } level and < 9) builder.Heading(Math.Min(6, level + 1), text);
        else builder.Passage(text);
    }

    /// <summary>The paragraph's text as shown: runs, tabs and breaks; field codes and deleted text are not shown.</summary>
    private static string ShownText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Each paragraph style's outline level (from its own settings, its name "heading N", or the style it is based on).</summary>
    private static Dictionary<string, StyleInfo> Styles(Styles? styles)
    {
        var all = styles?.Elements<Style>().Where(s => s.StyleId?.Value is not null).ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal) ?? [];
        var result = new Dictionary<string, StyleInfo>(StringComparer.Ordinal);
        foreach (var (id, style) in all)
        {
            int? outline = null;
            var title = false;
            var current = style;
            for (var depth = 0; current is not null && depth < 10 && outline is null && !title; depth++)
            {
                var name = current.StyleName?.Val?.Value ?? current.StyleId?.Value ?? "";
                title = name.Equals("Title", StringComparison.OrdinalIgnoreCase);
                outline = current.StyleParagraphProperties?.OutlineLevel?.Val?.Value
                    ?? (HeadingName().Match(name) is { Success: true } m ? int.Parse(m.Groups[1].Value) - 1 : null);
                current = current.BasedOn?.Val?.Value is { } parent && all.TryGetValue(parent, out var p) ? p : null;
            }
            result[id] = new StyleInfo(outline, title);
        }
        return result;
    }

    private sealed record StyleInfo(int? OutlineLevel, bool IsTitle);

    [GeneratedRegex(@"^heading\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
