using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace QaBot.Core.Documents;

/// <summary>
/// A web page, parsed by AngleSharp. The content is the page's &lt;main&gt; or &lt;article&gt;
/// (the body otherwise), without navigation, banners, footers, asides, scripts, styles, forms
/// and hidden elements; h1–h6 are sections; every paragraph, list item and table row is a passage.
/// </summary>
internal sealed partial class HtmlReader : IDocumentReader
{
    /// <summary>Elements that are never content: page furniture and things that are not text.</summary>
    private const string NotContent =
        "nav, header, footer, aside, script, style, noscript, template, form, button, select, svg, canvas, iframe, object, dialog, menu, " +
        "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";

    /// <summary>Elements that hold their own block of text.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "caption", "ul",
    };

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    public CorpusDocument Read(string fileName, Stream content)
    {
        var page = new HtmlParser().ParseDocument(content);
        var root = page.QuerySelector("main, [role=main]") ?? page.QuerySelector("article") ?? page.Body;
        if (root is null) throw new UnreadableDocumentException("it has no body");
        var builder = new DocumentBuilder(fileName)
        {
            // The page's first top heading names it better than <title>, which often carries the site's name.
            Title = Text(root.QuerySelector("h1")) is { Length: > 0 } h1 ? h1 : page.Title,
        };
        foreach (var element in root.QuerySelectorAll(NotContent).ToList()) element.Remove();
        foreach (var marker in root.QuerySelectorAll("sup, span").Where(IsBracketedMarker).ToList()) marker.Remove();
        Walk(root, builder);
        return builder.Build();
    }

    private static void Walk(IElement element, DocumentBuilder builder)
    {
        var run = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && Blocks.Contains(child.LocalName))
            {
                Flush(run, builder);
                Block(child, builder);
            }
            else if (node is IElement { LocalName: "br" }) run.Append('\n');
            else if (node is IElement or IText) run.Append(node.TextContent);
        }
        Flush(run, builder);
    }

    private static void Block(IElement element, DocumentBuilder builder)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                builder.Heading(element.LocalName[1] - '0', Text(element));
                break;
            case "tr":
                var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(Text).Where(t => t.Length > 0).ToList();
                if (element.Children.All(c => c.LocalName == "th")) break; // a header row names columns; it says nothing
                builder.Passage(string.Join(" | ", cells));
                break;
            case "pre" or "hr":
                break;
            default:
                Walk(element, builder);
                break;
        }
    }

    private static void Flush(StringBuilder run, DocumentBuilder builder)
    {
        var text = TextFolding.FoldWhitespace(run.ToString());
        run.Clear();
        if (text.Length > 0) builder.Passage(text);
    }

    private static string Text(IElement? element) => element is null ? "" : TextFolding.FoldWhitespace(element.TextContent);

    /// <summary>"[1]", "[edit]", "[citation needed]": reference and editing marks, not prose.</summary>
    private static bool IsBracketedMarker(IElement element) => BracketedMarker().IsMatch(element.TextContent.Trim());

    [GeneratedRegex(@"^\[[^\[\]]{1,24}\]$")]
    private static partial Regex BracketedMarker();
}
