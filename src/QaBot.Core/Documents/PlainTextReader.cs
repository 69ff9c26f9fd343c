using System.Globalization;
using System.Text;

namespace QaBot.Core.Documents;

/// <summary>
/// Reads one plain-text document into its title, sections, paragraphs and sentences. Headings are
/// plain short lines without closing punctuation; a bulleted list whose items repeat later
/// headings is a table of contents and is not content. Sentences point into the file's own text.
/// </summary>
internal sealed class PlainTextReader : IDocumentReader
{
    private const int MaxHeadingWords = 14;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public CorpusDocument Read(string fileName, Stream content) => Read(fileName, ReadUtf8(content));

    /// <summary>The file as UTF-8 text; any other encoding is refused rather than misread.</summary>
    public static string ReadUtf8(Stream content)
    {
        try
        {
            using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableDocumentException("it is not UTF-8 text", e);
        }
    }

    public static CorpusDocument Read(string fileName, string text)
    {
        var lines = SourceLine.Split(text);
        var headingTexts = lines.Where(IsHeadingLike).Select(l => Key(l.Content)).ToHashSet();
        var tocItems = TableOfContents(lines, headingTexts);
        var blocks = Blocks(lines, tocItems, joinWrapped: text.Contains("\n\n") || text.Contains("\r\n\r\n"));

        var (title, titleBlock) = FindTitle(blocks, text, fileName);
        var sections = new List<string>();
        var sentences = new List<Sentence>();
        var section = titleBlock > 0 ? "Summary" : "Introduction";
        var paragraph = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            // A title on a line of its own names the document; it is not content to quote.
            if (b == titleBlock && (block.IsHeading || Key(text[block.Start..block.End]).TrimEnd('.', ':') == Key(title).TrimEnd('.', ':'))) { section = "Introduction"; continue; }
            if (b == titleBlock) section = "Introduction";
            if (block.IsHeading)
            {
                section = block.Heading;
                sections.Add(section);
                continue;
            }
            foreach (var (start, end) in SentenceSplitter.Split(text, block.Start, block.End))
                sentences.Add(new Sentence(TextFolding.FoldWhitespace(text.AsSpan(start, end - start)), section, paragraph, sentences.Count, start, end));
            paragraph++;
        }
        return new CorpusDocument(fileName, title, text, sentences, sections);
    }

    private static bool IsHeadingLike(SourceLine line)
    {
        if (line.Kind != LineKind.Text) return false;
        var content = line.Content;
        if (content.Length == 0 || !char.IsUpper(content[0])) return false;
        var last = content[^1];
        if (last is '.' or '!' or '?' or ',' or ';' or ':' or '\u2026' || TextFolding.IsQuoteMark(last)) return false;
        return content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords;
    }

    /// <summary>Bullet runs of two or more items that each name a heading found elsewhere.</summary>
    private static HashSet<int> TableOfContents(IReadOnlyList<SourceLine> lines, HashSet<string> headings)
    {
        var toc = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != LineKind.Bullet) continue;
            var run = Enumerable.Range(i, lines.Count - i).TakeWhile(j => lines[j].Kind == LineKind.Bullet).ToList();
            if (run.Count >= 2 && run.All(j => headings.Contains(Key(lines[j].Content)))) toc.UnionWith(run);
            i = run[^1];
        }
        return toc;
    }

    /// <summary>
    /// Paragraphs and headings. A heading is a heading-like line followed by text, and where
    /// paragraphs are separated by blank lines, by a blank line too.
    /// </summary>
    private static List<Block> Blocks(IReadOnlyList<SourceLine> lines, HashSet<int> toc, bool joinWrapped)
    {
        var blocks = new List<Block>();
        Block? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var heading = line.Kind == LineKind.Text && IsStandaloneHeading(lines, i)
                && (!joinWrapped || (open is null && i + 1 < lines.Count && lines[i + 1].Kind == LineKind.Blank));
            if (line.Kind == LineKind.Blank || toc.Contains(i)) { open = null; continue; }
            if (joinWrapped && open is { IsHeading: false } && line.Kind == LineKind.Text && !heading)
            {
                open = open with { End = line.End };
                blocks[^1] = open;
                continue;
            }
            open = new Block(line.ContentStart, line.End, heading, heading ? line.Content : "");
            blocks.Add(open);
            if (heading) open = null;
        }
        return blocks;
    }

    /// <summary>A heading-like line followed by text (not the last line, not inside a run of short lines).</summary>
    private static bool IsStandaloneHeading(IReadOnlyList<SourceLine> lines, int i)
    {
        if (!IsHeadingLike(lines[i])) return false;
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Kind == LineKind.Blank) continue;
            return lines[j].Kind is LineKind.Text or LineKind.Bullet && !IsHeadingLike(lines[j]);
        }
        return false;
    }

    private static (string Title, int Block) FindTitle(List<Block> blocks, string text, string fileName)
    {
        for (var b = 0; b < blocks.Count && !blocks[b].IsHeading; b++)
        {
            var title = TitleText.FromParagraph(text[blocks[b].Start..blocks[b].End]);
            if (title is not null) return (title, b);
        }
        if (blocks.Count > 0 && blocks[0].IsHeading) return (blocks[0].Heading, 0);
        return (TitleText.FromFileName(fileName), -1);
    }

    private static string Key(string heading) =>
        TextFolding.FoldWhitespace(heading.Replace('\u2019', '\'').ToLower(CultureInfo.InvariantCulture));

    private sealed record Block(int Start, int End, bool IsHeading, string Heading);
}
