namespace QaBot.Core.Documents;

/// <summary>One document of the corpus, read into sections, paragraphs and sentences.</summary>
/// <param name="FileName">The file's name relative to the documents folder.</param>
/// <param name="Title">The document's title, as cited.</param>
/// <param name="Text">The document's text as its reader extracted it; sentences point into it.</param>
/// <param name="Sentences">Every content sentence in reading order.</param>
/// <param name="Sections">Section headings in reading order (the table of contents).</param>
public sealed record CorpusDocument(
    string FileName,
    string Title,
    string Text,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<string> Sections);

/// <summary>One sentence, with where it stands.</summary>
/// <param name="Text">The sentence, verbatim (white space folded).</param>
/// <param name="Section">The heading of its section.</param>
/// <param name="Paragraph">Index of its passage (paragraph, list item or table row) in the document.</param>
/// <param name="Ordinal">Index of the sentence in the document.</param>
/// <param name="Start">Offset of its first character in the document's text.</param>
/// <param name="End">Offset just past its last character.</param>
public sealed record Sentence(string Text, string Section, int Paragraph, int Ordinal, int Start, int End)
{
    /// <summary>The headings it stands under, outermost first ("Effects › Side effects"); its section alone when flat.</summary>
    public string Path { get; init; } = Section;

    /// <summary>The page it starts on, in formats that have pages (PDF).</summary>
    public int? Page { get; init; }
}
