namespace QaBot.Core.Meaning;

/// <summary>What the embedding model reads in a question: the whole, and each content word on its own.</summary>
/// <param name="Vector">The question's unit vector.</param>
/// <param name="Words">Its content words (misspellings mended), each matched against the words of a passage.</param>
/// <param name="WordVectors">A unit vector per word.</param>
/// <param name="Known">Per word, whether the documents or the synonym file use it: a central word neither knows is a concern they may not speak to.</param>
internal sealed record QuestionMeaning(float[] Vector, IReadOnlyList<string> Words, float[][] WordVectors, IReadOnlyList<bool> Known)
{
    private double[]? _centrality;

    /// <summary>How close each word is to the whole question (0 or more): how much of its meaning the word carries.</summary>
    public double[] Centrality => _centrality ??= WordVectors.Select(w => Math.Max(0.0, Vectors.Dot(w, Vector))).ToArray();

    /// <summary>Most content words of a question that are matched one by one.</summary>
    private const int MaxWords = 24;

    public static async Task<QuestionMeaning> ReadAsync(string text, string mended, Func<string, bool> known, Embedder embedder, CancellationToken cancellationToken)
    {
        var words = ContentWords.Of(mended).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        var vector = (await embedder.EmbedAsync([text], cancellationToken).ConfigureAwait(false))[0];
        var wordVectors = await embedder.WordsAsync(words, cancellationToken).ConfigureAwait(false);
        return new QuestionMeaning(vector, words, wordVectors, words.Select(known).ToList());
    }
}
