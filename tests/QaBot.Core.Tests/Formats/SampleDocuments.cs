using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace QaBot.Core.Tests.Formats;

/// <summary>
/// One small handout written out in every format the bot reads, built in code: the same title,
/// sections, paragraphs, list and table, so a test can compare what each reader makes of it.
/// </summary>
internal static class SampleDocuments
{
    public const string Title = "Sleep During Opioid Withdrawal";

    public const string WhySleepSuffers = "Why Sleep Suffers";
    public const string WhatHelps = "What Helps";
    public const string EveningRoutine = "Evening Routine";

    public const string Restless = "Restless legs and night sweats often wake people during the first week of withdrawal.";
    public const string Rebound = "Most people find that sleep slowly returns to normal within two to four weeks after the last dose.";
    public const string Bedtime = "A regular bedtime and a dark, quiet bedroom are recommended for better sleep during recovery.";
    public const string Screens = "Avoid screens for an hour before bed.";
    public const string Caffeine = "Caffeine after noon can keep you awake at night.";
    public const string TableRow = "Melatonin | Ask a pharmacist first";

    /// <summary>Running text no reader may quote: navigation, banners, footers, page furniture.</summary>
    public const string Furniture = "Riverside Clinic Handout";

    public static string Markdown() => $"""
        ---
        author: Riverside Clinic
        ---
        # {Title}

        - [{WhySleepSuffers}](#why)
        - [{WhatHelps}](#what)

        ## {WhySleepSuffers}

        {Restless}
        {Rebound}

        ## {WhatHelps}

        ### {EveningRoutine}

        {Bedtime}

        - {Screens}
        - {Caffeine}

        | Remedy | Advice |
        | --- | --- |
        | Melatonin | Ask a pharmacist first |

        ```
        {Furniture} code sample that is not prose.
        ```
        """;

    public static string Html() => $"""
        <!DOCTYPE html>
        <html><head><title>{Title} | {Furniture}</title><style>@import url(print.css);</style></head>
        <body>
          <header><a href="/">{Furniture}</a></header>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/contact">Contact us today</a></li></ul></nav>
          <main>
            <h1>{Title}</h1>
            <h2>{WhySleepSuffers}</h2>
            <p>{Restless}<sup>[1]</sup>
               {Rebound}</p>
            <h2>{WhatHelps}</h2>
            <h3>{EveningRoutine}</h3>
            <p>{Bedtime}</p>
            <ul><li>{Screens}</li><li>{Caffeine}</li></ul>
            <table><tr><th>Remedy</th><th>Advice</th></tr><tr><td>Melatonin</td><td>Ask a pharmacist first</td></tr></table>
          </main>
          <footer>Copyright {Furniture}. All rights reserved.</footer>
          <script>var tracking = "{Furniture} script";</script>
        </body></html>
        """;

    /// <summary>
    /// Two A4 pages with a running header and page numbers; the second section's paragraph starts
    /// on page one and ends on page two, and a word is hyphenated at a line's end.
    /// </summary>
    public static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = Title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);

        var one = builder.AddPage(PageSize.A4);
        Furnish(one, font, 1);
        var y = 760.0;
        one.AddText(Title, 22, new PdfPoint(60, y), bold);
        y -= 50;
        one.AddText(WhySleepSuffers, 16, new PdfPoint(60, y), bold);
        y -= 30;
        foreach (var line in new[]
                 {
                     "Restless legs and night sweats often wake people during the first week of with-",
                     "drawal. Most people find that sleep slowly returns to normal within two to four",
                 })
        {
            one.AddText(line, 11, new PdfPoint(60, y), font);
            y -= 15;
        }
        // The paragraph goes on at the top of page two: a page break inside a sentence.
        var two = builder.AddPage(PageSize.A4);
        Furnish(two, font, 2);
        y = 760;
        two.AddText("weeks after the last dose.", 11, new PdfPoint(60, y), font);
        y -= 45;
        two.AddText(WhatHelps, 16, new PdfPoint(60, y), bold);
        y -= 35;
        two.AddText(EveningRoutine, 13, new PdfPoint(60, y), bold);
        y -= 30;
        foreach (var line in new[] { "A regular bedtime and a dark, quiet bedroom are recommended for better sleep", "during recovery." })
        {
            two.AddText(line, 11, new PdfPoint(60, y), font);
            y -= 15;
        }
        y -= 15;
        foreach (var item in new[] { Screens, Caffeine })
        {
            two.AddText("\u2022 " + item, 11, new PdfPoint(70, y), font);
            y -= 15;
        }
        return builder.Build();
    }

    /// <summary>One page of body text, one line per string.</summary>
    public static byte[] PdfOfLines(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 700.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(60, y), font);
            y -= 15;
        }
        return builder.Build();
    }

    /// <summary>A PDF whose only page holds a drawing and no text, as a scan without text recognition does.</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
        return builder.Build();
    }

    private static void Furnish(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, int number)
    {
        page.AddText(Furniture, 9, new PdfPoint(60, 815), font);
        page.AddText(number.ToString(System.Globalization.CultureInfo.InvariantCulture), 9, new PdfPoint(290, 30), font);
    }

    /// <summary>A Word document with a Title paragraph, heading styles, a table and a page header.</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                Style("Title", "Title"), Style("Heading1", "heading 1"), Style("Heading2", "heading 2"), Style("Normal", "Normal"));
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text(Furniture))));
            main.Document = new Document(new Body(
                Para(Title, "Title"),
                Para(WhySleepSuffers, "Heading1"),
                new Paragraph(new Run(new Text(Restless + " ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(Rebound))),
                Para(WhatHelps, "Heading1"),
                Para(EveningRoutine, "Heading2"),
                Para(Bedtime),
                Para(Screens),
                Para(Caffeine),
                new Table(
                    new TableRow(new TableRowProperties(new TableHeader()), Cell("Remedy"), Cell("Advice")),
                    new TableRow(Cell("Melatonin"), Cell("Ask a pharmacist first"))),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) })));
        }
        return stream.ToArray();
    }

    private static Style Style(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text)));
        if (style is not null) paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return paragraph;
    }

    private static TableCell Cell(string text) => new(Para(text));
}
