using Lucene.Net.Documents;

namespace QaBot.Core.Search;

/// <summary>A sentence as stored in the index.</summary>
internal sealed record IndexedSentence(string File, string Title, string Section, int Ordinal, int Paragraph, string Text);

/// <summary>A sentence found for a question, with how much of the question it covers and its rank score.</summary>
internal sealed record Candidate(IndexedSentence Sentence, double Coverage, double Score)
{
    public static IndexedSentence From(Document doc) => new(
        doc.Get(Fields.File),
        doc.Get(Fields.Title),
        doc.Get(Fields.Section),
        doc.GetField(Fields.Ordinal).GetInt32Value() ?? 0,
        doc.GetField(Fields.Paragraph).GetInt32Value() ?? 0,
        doc.Get(Fields.Text));
}
