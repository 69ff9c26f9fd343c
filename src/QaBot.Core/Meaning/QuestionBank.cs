using QaBot.Core.Documents;

namespace QaBot.Core.Meaning;

/// <summary>
/// Example questions whose answers are known, as vectors, each pointing at the sentences that
/// answer it. A new question close to an example is likely answered by the same sentences,
/// whatever words it uses. Sentences are keyed by their folded text, so the bank still points
/// at them when other documents are added; it says nothing about sentences it has never seen.
/// </summary>
internal sealed class QuestionBank
{
    public static readonly QuestionBank Empty = new([], []);

    private readonly float[][] _vectors;
    private readonly Dictionary<string, List<int>> _bySentence = new(StringComparer.Ordinal);

    /// <param name="sides">For examples the documents answer two ways, the sentences of each side (null for the others).</param>
    public QuestionBank(float[][] vectors, IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>?>? sides = null)
    {
        if (vectors.Length != sentences.Count || (sides is not null && sides.Count != sentences.Count))
            throw new InvalidDataException("The question bank has a different number of vectors and answers.");
        _vectors = vectors;
        Sentences = sentences;
        Sides = sides ?? new IReadOnlyList<IReadOnlyList<string>>?[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
            foreach (var key in sentences[i].Select(Key).Distinct())
            {
                if (!_bySentence.TryGetValue(key, out var list)) _bySentence[key] = list = [];
                list.Add(i);
            }
    }

    public int Count => _vectors.Length;

    public IReadOnlyList<float[]> ExampleVectors => _vectors;

    /// <summary>The sentences (as written) that answer each example.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sentences { get; }

    /// <summary>The sides of each example the documents answer two ways, else null.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>?> Sides { get; }

    /// <summary>
    /// The sides of the question, when most of its nearest examples (weighed by similarity) are
    /// answered two ways: those of the nearest such example. Null when the bank does not know.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? SidesNear(float[] similarities, int excluded = -1)
    {
        var nearest = Enumerable.Range(0, similarities.Length).Where(i => i != excluded)
            .OrderByDescending(i => similarities[i]).Take(SideNeighbours).ToList();
        var total = nearest.Sum(i => Math.Max(similarities[i], 0));
        var twoWays = nearest.Where(i => Sides[i] is { Count: > 1 }).ToList();
        if (total <= 0 || twoWays.Sum(i => Math.Max(similarities[i], 0)) < total / 2) return null;
        return Sides[twoWays[0]];
    }

    /// <summary>How many nearest examples decide whether a question is answered two ways.</summary>
    private const int SideNeighbours = 5;

    /// <summary>Similarity of the question to every example, computed once per question.</summary>
    public float[] Similarities(float[] question)
    {
        var result = new float[_vectors.Length];
        for (var i = 0; i < _vectors.Length; i++) result[i] = Vectors.Dot(question, _vectors[i]);
        return result;
    }

    /// <summary>
    /// The highest similarity among examples answered by this sentence (0 when none is);
    /// <paramref name="excluded"/> leaves one example out, so a training question does not find itself.
    /// </summary>
    public double Support(float[] similarities, string sentence, int excluded = -1)
    {
        if (!_bySentence.TryGetValue(Key(sentence), out var examples)) return 0;
        var best = 0f;
        foreach (var i in examples)
            if (i != excluded && similarities[i] > best) best = similarities[i];
        return best;
    }

    /// <summary>How many of the nearest examples vote: enough to smooth, few enough to stay specific.</summary>
    public const int Neighbours = 10;

    /// <summary>
    /// For each sentence, the similarity-weighted share of the question's nearest examples that it
    /// answers: a sentence many close examples point at wins over one a single example points at.
    /// </summary>
    public Dictionary<string, double> Votes(float[] similarities, int excluded = -1)
    {
        var nearest = Enumerable.Range(0, similarities.Length).Where(i => i != excluded)
            .OrderByDescending(i => similarities[i]).Take(Neighbours).ToList();
        var total = nearest.Sum(i => Math.Max(similarities[i], 0));
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        if (total <= 0) return votes;
        foreach (var i in nearest)
            foreach (var key in Sentences[i].Select(Key).Distinct())
                votes[key] = votes.GetValueOrDefault(key) + Math.Max(similarities[i], 0) / total;
        return votes;
    }

    /// <summary>Whether any example points at this sentence: without one, the bank knows nothing of it.</summary>
    public bool Knows(string sentence) => _bySentence.ContainsKey(Key(sentence));

    /// <summary>Folded text: case, quote marks and white space do not tell sentences apart.</summary>
    public static string Key(string sentence) =>
        TextFolding.FoldWhitespace(sentence.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"'));
}

/// <summary>
/// Two banks: questions the documents answer, pointing at their gold sentences, and questions
/// they do not answer, pointing at the sentences nearest them in meaning (which still do not
/// answer them). Both speak only of sentences they have seen, so they stay true when documents
/// are added.
/// </summary>
internal sealed record Banks(QuestionBank Answered, QuestionBank Unanswered)
{
    public static readonly Banks Empty = new(QuestionBank.Empty, QuestionBank.Empty);
}

/// <summary>The examples a training question is in the banks as: left out while its own features are computed.</summary>
internal readonly record struct LeftOut(int Answered, int Unanswered)
{
    public static readonly LeftOut None = new(-1, -1);
}
