using System.Globalization;
using System.Text.RegularExpressions;
using QaBot.Core.Search;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace QaBot.Core.Documents;

/// <summary>
/// A PDF, read by PdfPig: words grouped into blocks and put in reading order by its layout
/// analysis. Blocks set in a larger type than the body are headings; running headers, footers and
/// page numbers (lines in the page margins that repeat or are numbers alone) are dropped; a
/// paragraph that a page or column break cuts is joined again, and a word hyphenated at a line's
/// end is mended.
/// </summary>
internal sealed partial class PdfReader : IDocumentReader
{
    /// <summary>Share of the page height at the top and at the bottom where running headers and footers stand.</summary>
    private const double Margin = 0.1;
    /// <summary>A heading's type is at least this much larger than the body's.</summary>
    private const double HeadingScale = 1.12;
    private const int MaxHeadingWords = 20;

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public CorpusDocument Read(string fileName, Stream content)
    {
        using var pdf = Open(content);
        var blocks = pdf.GetPages().SelectMany(Blocks).ToList();
        if (blocks.Count == 0) throw new UnreadableDocumentException("it has no text layer (a scanned image needs text recognition first)");

        var text = WithoutRunningText(blocks, pdf.NumberOfPages);
        var body = BodySize(text);
        var headingSizes = text.Where(b => IsHeading(b, body)).Select(b => b.Size).Distinct().OrderDescending().ToList();
        // What stands above the largest heading of page one (a site's name, a date, links) is not content: that heading is the title.
        var title = headingSizes.Count == 0 ? null : text.FirstOrDefault(b => b.Page == 1 && IsHeading(b, body) && b.Size == headingSizes[0]);
        if (title is not null) text = text.SkipWhile(b => b != title).ToList();

        var words = text.SelectMany(b => b.Lines).SelectMany(l => Word().Matches(l.Text)).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var builder = new DocumentBuilder(fileName);
        foreach (var block in text)
        {
            if (IsHeading(block, body))
            {
                builder.Heading(Math.Min(6, headingSizes.IndexOf(block.Size) + 1), string.Join(' ', block.Lines.Select(l => l.Text)));
                continue;
            }
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i].Text;
                var bullet = Bullet().Match(line);
                if (bullet.Success) builder.BeginPassage(block.Page);
                else if (i == 0 && !Continues(builder.OpenPassage, line)) builder.BeginPassage(block.Page);
                AppendLine(builder, bullet.Success ? line[bullet.Length..] : line, block.Page, words);
            }
        }
        if (builder.Title is null) builder.Title = pdf.Information.Title;
        return builder.Build();
    }

    private static PdfDocument Open(Stream content)
    {
        try
        {
            return PdfDocument.Open(content);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableDocumentException("it is encrypted", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableDocumentException($"it is not a readable PDF ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>The page's text blocks in reading order, each with its lines, type size and the lines' places.</summary>
    private static IEnumerable<Block> Blocks(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) yield break;
        foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words)))
        {
            var letters = block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).ToList();
            var size = letters.Count == 0 ? 0 : Math.Round(Median(letters.Select(l => l.PointSize)) * 2) / 2;
            // Places as shares of the page's height from its top edge (PDF measures up from the bottom).
            var lines = block.TextLines
                .Select(l => new Line(TextFolding.MendLigatures(l.Text.Trim()), 1 - l.BoundingBox.Top / page.Height, 1 - l.BoundingBox.Bottom / page.Height))
                .Where(l => l.Text.Length > 0).ToList();
            if (lines.Count > 0) yield return new Block(page.Number, lines, size, letters.Count);
        }
    }

    /// <summary>
    /// The blocks without running headers, footers and page numbers: lines within the top or bottom
    /// margin that are a page number, or whose text (digits aside) stands in the margins of at least
    /// half the pages. Layout analysis can join such a line to the paragraph next to it, so lines are judged one by one.
    /// </summary>
    private static List<Block> WithoutRunningText(List<Block> blocks, int pages)
    {
        var inMargin = blocks.SelectMany(b => b.Lines.Select(l => (b.Page, Line: l))).Where(x => x.Line.Lower <= Margin || x.Line.Upper >= 1 - Margin).ToList();
        var repeated = inMargin.GroupBy(x => Shape(x.Line.Text))
            .Where(g => pages >= 2 && g.Select(x => x.Page).Distinct().Count() >= Math.Max(2, pages / 2.0))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var running = inMargin.Where(x => repeated.Contains(Shape(x.Line.Text)) || PageNumber().IsMatch(x.Line.Text)).Select(x => x.Line).ToHashSet();
        return blocks.Select(b => b with { Lines = b.Lines.Where(l => !running.Contains(l)).ToList() }).Where(b => b.Lines.Count > 0).ToList();
    }

    private static string Shape(string line) => Digits().Replace(line.ToLower(CultureInfo.InvariantCulture), "#");

    /// <summary>The body's type size: the size most letters are set in.</summary>
    private static double BodySize(List<Block> blocks) =>
        blocks.GroupBy(b => b.Size).MaxBy(g => g.Sum(b => b.Letters))?.Key ?? 0;

    private static bool IsHeading(Block block, double body) =>
        body > 0 && block.Size >= body * HeadingScale && block.Lines.Count <= 3
        && block.Lines.Sum(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) <= MaxHeadingWords
        && !block.Lines[^1].Text.EndsWith('.');

    /// <summary>A block continues the open passage when that passage stops mid-sentence and the block goes on in lower case.</summary>
    private static bool Continues(string open, string line)
    {
        var previous = open.TrimEnd();
        if (previous.Length == 0 || line.Length == 0) return false;
        if (previous[^1] is '.' or '!' or '?' or ':' or '\u2026' or ')' || TextFolding.IsQuoteMark(previous[^1])) return false;
        return char.IsLower(line[0]) || previous[^1] is '-' or '\u00AD' or ',' or ';';
    }

    /// <summary>
    /// Appends a line to the open passage. After a hyphen at the line's end the word goes on without
    /// a space; the hyphen only broke the word ("with-drawal") when the whole word is written
    /// elsewhere in the document or is an English word, and stays otherwise ("stimulant-like").
    /// </summary>
    private static void AppendLine(DocumentBuilder builder, string line, int page, HashSet<string> words)
    {
        var open = builder.OpenPassage;
        var end = open.TrimEnd();
        if (end.Length == 0) { builder.Append(line, page); return; }
        if (end[^1] == '\u00AD' || (end[^1] == '-' && end.Length >= 2 && !char.IsWhiteSpace(end[^2]) && line.Length > 0 && char.IsLetterOrDigit(line[0])))
        {
            var soft = end[^1] == '\u00AD';
            builder.TrimEnd(open.Length - end.Length + (soft || IsBrokenWord(end, line, words) ? 1 : 0));
            builder.Append(line, page);
            return;
        }
        builder.Append("\n", page);
        builder.Append(line, page);
    }

    private static bool IsBrokenWord(string before, string after, HashSet<string> words)
    {
        var head = new string(before[..^1].Reverse().TakeWhile(char.IsLetter).Reverse().ToArray()).ToLower(CultureInfo.InvariantCulture);
        var tail = new string(after.TakeWhile(char.IsLetter).ToArray()).ToLower(CultureInfo.InvariantCulture);
        if (head.Length == 0 || tail.Length == 0 || !char.IsLower(after[0])) return false;
        return words.Contains(head + tail) || EnglishWords.Contains(head + tail);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record Line(string Text, double Upper, double Lower);

    private sealed record Block(int Page, IReadOnlyList<Line> Lines, double Size, int Letters);

    [GeneratedRegex(@"^(page\s*)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$|^[-\u2013]\s*\d{1,4}\s*[-\u2013]$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[\u2022\u25E6\u25AA\u25CF\u2023\u2043\u2219*\-\u2013]\s+")]
    private static partial Regex Bullet();
}
