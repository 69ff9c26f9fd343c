using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace QaBot.Core.Documents;

/// <summary>
/// A PDF, read by PdfPig: words grouped into blocks and put in reading order by its layout
/// analysis. Blocks set in a larger type than the body are headings; running headers, footers and
/// page numbers (in the page margins, repeated or numbers alone) are dropped; a paragraph that a
/// page or column break cuts is joined again, and words hyphenated at a line's end are mended.
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
        var blocks = new List<Block>();
        var pageCount = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages()) blocks.AddRange(Blocks(page));
        if (blocks.Count == 0) throw new UnreadableDocumentException("it has no text layer (a scanned image needs text recognition first)");

        var furniture = RunningText(blocks, pageCount);
        var text = blocks.Where(b => !furniture.Contains(b)).ToList();
        var body = BodySize(text);
        var headingSizes = text.Where(b => IsHeading(b, body)).Select(b => b.Size).Distinct().OrderDescending().ToList();

        var builder = new DocumentBuilder(fileName);
        foreach (var block in text)
        {
            if (IsHeading(block, body))
            {
                builder.Heading(Math.Min(6, headingSizes.IndexOf(block.Size) + 1), string.Join(' ', block.Lines));
                continue;
            }
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = TextFolding.MendLigatures(block.Lines[i]);
                var bullet = Bullet().Match(line);
                if (bullet.Success) { builder.BeginPassage(block.Page); builder.Append(line[bullet.Length..]); continue; }
                if (i == 0 && !Continues(builder.OpenPassage, line)) { builder.BeginPassage(block.Page); builder.Append(line); continue; }
                AppendLine(builder, line, block.Page);
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

    /// <summary>The page's text blocks in reading order, each with its lines, type size and place.</summary>
    private static IEnumerable<Block> Blocks(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) yield break;
        foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words)))
        {
            var letters = block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).ToList();
            var size = letters.Count == 0 ? 0 : Math.Round(Median(letters.Select(l => l.PointSize)) * 2) / 2;
            var lines = block.TextLines.Select(l => l.Text.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) continue;
            // Places as shares of the page's height from its top edge (PDF measures up from the bottom).
            var upper = 1 - block.BoundingBox.Top / page.Height;
            var lower = 1 - block.BoundingBox.Bottom / page.Height;
            yield return new Block(page.Number, lines, size, upper, lower, letters.Count);
        }
    }

    /// <summary>
    /// Running headers, footers and page numbers: blocks within the top or bottom margin that are a
    /// page number, or whose text (digits aside) stands in the margins of at least half the pages.
    /// </summary>
    private static HashSet<Block> RunningText(List<Block> blocks, int pages)
    {
        var inMargin = blocks.Where(b => b.Lower <= Margin || b.Upper >= 1 - Margin).ToList();
        var repeats = inMargin.GroupBy(Shape).Where(g => pages >= 2 && g.Select(b => b.Page).Distinct().Count() >= Math.Max(2, pages / 2.0));
        var running = repeats.SelectMany(g => g).ToHashSet();
        running.UnionWith(inMargin.Where(b => b.Lines.Count == 1 && PageNumber().IsMatch(b.Lines[0])));
        return running;
    }

    private static string Shape(Block block) => Digits().Replace(string.Join(' ', block.Lines).ToLower(CultureInfo.InvariantCulture), "#");

    /// <summary>The body's type size: the size most letters are set in.</summary>
    private static double BodySize(List<Block> blocks) =>
        blocks.GroupBy(b => b.Size).MaxBy(g => g.Sum(b => b.Letters))?.Key ?? 0;

    private static bool IsHeading(Block block, double body) =>
        body > 0 && block.Size >= body * HeadingScale && block.Lines.Count <= 3
        && block.Lines.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) <= MaxHeadingWords
        && !block.Lines[^1].EndsWith('.');

    /// <summary>A block continues the open passage when that passage stops mid-sentence and the block goes on in lower case.</summary>
    private static bool Continues(string open, string line)
    {
        var previous = open.TrimEnd();
        if (previous.Length == 0 || line.Length == 0) return false;
        if (previous[^1] is '.' or '!' or '?' or ':' or '\u2026' || TextFolding.IsQuoteMark(previous[^1]) || previous[^1] == ')') return false;
        return char.IsLower(line[0]) || previous[^1] is '-' or '\u00AD' or ',' or ';';
    }

    /// <summary>Appends a line: a word hyphenated at the previous line's end is joined again.</summary>
    private static void AppendLine(DocumentBuilder builder, string line, int page)
    {
        var open = builder.OpenPassage;
        var end = open.TrimEnd();
        if (end.EndsWith('\u00AD') || (end.Length >= 2 && end[^1] == '-' && char.IsLetter(end[^2]) && line.Length > 0 && char.IsLower(line[0])))
        {
            builder.TrimEnd(open.Length - end.Length + 1);
            builder.Append(line, page);
            return;
        }
        builder.Append("\n", page);
        builder.Append(line, page);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record Block(int Page, IReadOnlyList<string> Lines, double Size, double Upper, double Lower, int Letters);

    [GeneratedRegex(@"^(page\s*)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$|^[-\u2013]\s*\d{1,4}\s*[-\u2013]$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[\u2022\u25E6\u25AA\u25CF\u2023\u2043\u2219*\-\u2013]\s+")]
    private static partial Regex Bullet();
}
