using QaBot.Core.Answering;

namespace QaBot.Core.Search;

/// <summary>
/// Finds the sentences that may answer a question, best first: the seam the answerer depends on.
/// Behind it: Lucene (<see cref="LexicalRetriever"/>), the embedding model's vectors
/// (<see cref="VectorRetriever"/>), and their learned combination (<see cref="HybridRetriever"/>).
/// </summary>
internal interface IRetriever
{
    /// <summary>The name reports and logs show.</summary>
    string Name { get; }

    IReadOnlyList<Candidate> Retrieve(ParsedQuestion question, IndexSnapshot snapshot, int max);
}

/// <summary>Lucene with the question's concepts and synonyms, ranked by weighted coverage.</summary>
internal sealed class LexicalRetriever : IRetriever
{
    public string Name => "lexical";

    public IReadOnlyList<Candidate> Retrieve(ParsedQuestion question, IndexSnapshot snapshot, int max) =>
        Retriever.Search(snapshot, question.Concepts, question.ExactWords, max);
}

/// <summary>The sentences whose vectors are nearest the question's (cosine), over the whole generation.</summary>
internal sealed class VectorRetriever : IRetriever
{
    public string Name => "vector";

    public IReadOnlyList<Candidate> Retrieve(ParsedQuestion question, IndexSnapshot snapshot, int max)
    {
        if (question.Meaning is null || snapshot.Vectors is not { } vectors) return [];
        var q = question.Meaning.Vector;
        var best = new PriorityQueue<int, float>();
        for (var i = 0; i < vectors.Sentences.Length; i++)
        {
            var score = Meaning.Vectors.Dot(q, vectors.Sentences[i]);
            if (best.Count < max) best.Enqueue(i, score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(i, score);
        }
        var found = new List<Candidate>(best.Count);
        while (best.TryDequeue(out var i, out var score))
        {
            var stored = Retriever.Stored(snapshot, vectors.SentenceKeys[i]);
            if (stored is null) continue;
            found.Add(new Candidate(stored.Sentence, Retriever.CoverageOf(question.Concepts, stored), score));
        }
        found.Reverse();
        return found;
    }
}
