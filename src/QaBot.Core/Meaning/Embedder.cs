using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace QaBot.Core.Meaning;

/// <summary>
/// The embedding model as the core uses it: any <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>
/// (the local MiniLM, or a remote model configured in AIServices), with unit-length vectors and
/// the vectors of single words kept, since questions keep using the same words.
/// </summary>
public sealed class Embedder(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    /// <summary>Most single words whose vectors are kept.</summary>
    private const int MaxCachedWords = 50_000;

    private readonly ConcurrentDictionary<string, float[]> _words = new(StringComparer.Ordinal);

    /// <summary>The model's name: index generations and fitted parameters are valid for this model only.</summary>
    public string ModelId { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? generator.GetType().Name;

    /// <summary>Unit vectors of the texts, in order.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0) return [];
        var generated = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count != texts.Count) throw new InvalidOperationException($"The embedding model returned {generated.Count} vectors for {texts.Count} texts.");
        return generated.Select(e => Vectors.Normalized(e.Vector.ToArray())).ToArray();
    }

    /// <summary>The same, for callers that cannot await (building an index generation).</summary>
    public float[][] Embed(IReadOnlyList<string> texts) => EmbedAsync(texts).GetAwaiter().GetResult();

    /// <summary>Unit vectors of single words, from the cache where known; the rest in one call.</summary>
    public async Task<float[][]> WordsAsync(IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var missing = words.Where(w => !_words.ContainsKey(w)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var vectors = await EmbedAsync(missing, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < missing.Count; i++)
                if (_words.Count < MaxCachedWords) _words.TryAdd(missing[i], vectors[i]);
            if (missing.Any(w => !_words.ContainsKey(w)))
            {
                // The cache is full: answer from what was just computed.
                var fresh = missing.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => vectors[p.i], StringComparer.Ordinal);
                return words.Select(w => _words.TryGetValue(w, out var v) ? v : fresh[w]).ToArray();
            }
        }
        return words.Select(w => _words[w]).ToArray();
    }

    /// <summary>Seeds the word cache with vectors computed elsewhere (an index generation's vocabulary).</summary>
    internal void Remember(IReadOnlyDictionary<string, float[]> words)
    {
        foreach (var (word, vector) in words)
        {
            if (_words.Count >= MaxCachedWords) return;
            _words.TryAdd(word, vector);
        }
    }
}

/// <summary>Small vector arithmetic on unit vectors.</summary>
public static class Vectors
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public static float[] Normalized(float[] v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0 && Math.Abs(norm - 1) > 1e-4f) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        return v;
    }
}
