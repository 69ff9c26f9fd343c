namespace QaBot.Core.Answering;

/// <summary>A sentence a composer may quote, with a stable id ("file#ordinal").</summary>
public sealed record Passage(string Id, string Text, string Document, string Section, double Score)
{
    /// <summary>The headings it stands under, outermost first.</summary>
    public string Path { get; init; } = Section;

    /// <summary>The page it starts on, where the document has pages.</summary>
    public int? Page { get; init; }
}

/// <summary>A model's proposal: a lead-in of its own and the passages it quotes.</summary>
/// <param name="LeadIn">One short sentence connecting the quotes to the question; it must not state medical facts.</param>
/// <param name="Citations">The passages to quote, in order.</param>
public sealed record Draft(string LeadIn, IReadOnlyList<Citation> Citations);

/// <summary>A passage to quote, whole or (with <see cref="Span"/>) an exact part of it.</summary>
public sealed record Citation(string Id, string? Span = null);

/// <summary>
/// An optional composer backed by a model. It only proposes: the core checks every citation
/// against the documents, assembles the reply and appends the advisory, and falls back to the
/// extractive answer when the draft cannot be trusted, the model fails or it times out.
/// It is never asked about emergencies, small talk or questions the documents do not cover.
/// </summary>
public interface IDraftComposer
{
    /// <summary>The name the reply's <c>composer</c> field shows, e.g. "model".</summary>
    string Name { get; }

    /// <summary>Drafts an answer from retrieved passages; throw or cancel to fall back.</summary>
    Task<Draft> DraftAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken);
}

/// <summary>Retrieval as a service, for a model that wants to search again (a question with two parts).</summary>
public interface IPassageSearch
{
    /// <summary>The best passages for a query, best first.</summary>
    IReadOnlyList<Passage> Search(string query, int max);

    /// <summary>The passage with this id, or null.</summary>
    Passage? Find(string id);
}
