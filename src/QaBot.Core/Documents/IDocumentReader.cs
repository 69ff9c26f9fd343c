namespace QaBot.Core.Documents;

/// <summary>
/// Reads one document format into its title, sections, paragraphs and sentences. One reader per
/// format; <see cref="DocumentReaders"/> picks it by the file's extension.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The file extensions it reads, with their dot (".pdf").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads the file; throws <see cref="UnreadableDocumentException"/> with a reason a person can act on.</summary>
    CorpusDocument Read(string fileName, Stream content);
}

/// <summary>A file that is not a readable document of its format (encrypted, no text, corrupt).</summary>
public sealed class UnreadableDocumentException(string reason, Exception? inner = null) : Exception(reason, inner);
