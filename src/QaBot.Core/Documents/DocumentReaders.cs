namespace QaBot.Core.Documents;

/// <summary>The readers of every format the bot answers from, found by file extension.</summary>
public static class DocumentReaders
{
    public static IReadOnlyList<IDocumentReader> All { get; } =
        [new PlainTextReader(), new MarkdownReader(), new HtmlReader(), new PdfReader(), new WordReader()];

    /// <summary>Every extension some reader reads.</summary>
    public static IReadOnlyList<string> Extensions { get; } = All.SelectMany(r => r.Extensions).ToList();

    /// <summary>The reader for the file, or null when no reader knows its extension.</summary>
    public static IDocumentReader? For(string fileName) =>
        All.FirstOrDefault(r => r.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));
}
