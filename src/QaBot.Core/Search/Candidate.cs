using Lucene.Net.Documents;

namespace QaBot.Core.Search;

/// <summary>A sentence as stored in the index.</summary>
internal sealed record IndexedSentence(string File, string Title, string Section, int Ordinal, int Paragraph, string Text)
{
    /// <summary>The headings it stands under, outermost first.</summary>
    public string Path { get; init; } = Section;

    /// <summary>The page it starts on, where the document has pages.</summary>
    public int? Page { get; init; }
}

/// <summary>A sentence found for a question, with how much of the question it covers and its rank score.</summary>
/// <param name="Lucene">Lucene's score as a share of the best hit's (0 when Lucene did not find it).</param>
internal sealed record Candidate(IndexedSentence Sentence, double Coverage, double Score, double Lucene = 0)
{
    /// <summary>What the learned models saw of it (<see cref="Meaning.EvidenceFeatures.Names"/>), when they ranked it.</summary>
    public double[]? Features { get; init; }

    /// <summary>
    /// How relevant it is, from 0 to 1, as quotes report it: its share of the best candidate's
    /// probability when the learned ranker ranked it, else how much of the question it covers.
    /// </summary>
    public double Relevance { get; init; } = -1;

    public double ReportedRelevance => Math.Round(Math.Clamp(Relevance >= 0 ? Relevance : Coverage, 0, 1), 3);

    public static IndexedSentence From(Document doc) => new(
        doc.Get(Fields.File),
        doc.Get(Fields.Title),
        doc.Get(Fields.Section),
        doc.GetField(Fields.Ordinal).GetInt32Value() ?? 0,
        doc.GetField(Fields.Paragraph).GetInt32Value() ?? 0,
        doc.Get(Fields.Text))
    {
        Path = doc.Get(Fields.Path) ?? doc.Get(Fields.Section),
        Page = doc.GetField(Fields.Page)?.GetInt32Value(),
    };
}
