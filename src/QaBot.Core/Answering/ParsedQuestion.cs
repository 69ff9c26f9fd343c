using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// A question read once. Every later step (triage, small talk, retrieval, features, composing)
/// takes this value; none reads the text again.
/// </summary>
/// <param name="Original">The question cleaned of control characters, casing kept: what a chat model is shown.</param>
/// <param name="Text">The same in lower case: what rules and the reply cache key on.</param>
/// <param name="Asked">Without a greeting or a pointer to the article, misspellings mended: what is searched.</param>
/// <param name="Shape">What kind of answer the wording asks for (lexical answering only).</param>
/// <param name="Concepts">The meaningful parts of <see cref="Asked"/>, with their synonyms and weights.</param>
/// <param name="ExactWords">Content words as written, for preferring sentences that use the same wording.</param>
/// <param name="Meaning">What the embedding model read, or null when answering is lexical only.</param>
internal sealed record ParsedQuestion(
    string Original,
    string Text,
    string Asked,
    QuestionShape Shape,
    IReadOnlyList<Concept> Concepts,
    IReadOnlyList<string> ExactWords,
    QuestionMeaning? Meaning)
{
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>Reads a question into a <see cref="ParsedQuestion"/> against one index generation.</summary>
internal static class QuestionReader
{
    public static async Task<ParsedQuestion> ReadAsync(string? question, IndexSnapshot snapshot, Synonyms synonyms, Hosting.AnsweringOptions options, Embedder? embedder, CancellationToken cancellationToken)
    {
        var original = QuestionText.Clean(question, options.MaxQuestionChars);
        var text = original.ToLowerInvariant();
        var asked = QuestionFrame.Strip(Concept.Mend(QuestionFrame.Strip(text), snapshot, synonyms));
        var shape = QuestionShape.Of(asked);
        var content = QuestionShape.Content(asked);
        var concepts = Concept.Parse(content, snapshot, synonyms, options.MaxQueryTerms);
        // The model reads the question without its frame ("what does the article say about ..."), as retrieval does.
        var meaning = embedder is null || text.Length == 0 ? null
            : await QuestionMeaning.ReadAsync(QuestionFrame.Strip(text), asked, w => snapshot.Vocabulary.Contains(w) || synonyms.Vocabulary.Contains(w), embedder, cancellationToken).ConfigureAwait(false);
        return new ParsedQuestion(original, text, asked, shape, concepts, QuestionTerms.ContentWords(content), meaning);
    }
}
