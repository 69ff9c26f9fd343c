using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.AI;

namespace QaBot.Core.Training;

/// <summary>
/// Remembers vectors across training runs in one file (keyed by the model and the text), so
/// retraining after a change to the data or the code embeds only what is new. Training only: a
/// host computes vectors once per index generation anyway.
/// </summary>
public sealed class EmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, string path) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = Load(path);

    public string Path { get; } = path;
    private int _added;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var generated = await base.GenerateAsync(missing, options, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < missing.Count; i++) _vectors[missing[i]] = generated[i].Vector.ToArray();
            Interlocked.Add(ref _added, missing.Count);
        }
        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(_vectors[t])));
    }

    /// <summary>Writes the file when anything was added.</summary>
    public void Save()
    {
        if (_added == 0) return;
        using var writer = new BinaryWriter(File.Create(Path + ".tmp"), Encoding.UTF8);
        writer.Write(_vectors.Count);
        foreach (var (text, vector) in _vectors)
        {
            writer.Write(text);
            writer.Write(vector.Length);
            foreach (var x in vector) writer.Write(x);
        }
        writer.Close();
        File.Move(Path + ".tmp", Path, overwrite: true);
    }

    private static ConcurrentDictionary<string, float[]> Load(string path)
    {
        var vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path)) return vectors;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var text = reader.ReadString();
                var v = new float[reader.ReadInt32()];
                for (var i = 0; i < v.Length; i++) v[i] = reader.ReadSingle();
                vectors[text] = v;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException) { vectors.Clear(); }
        return vectors;
    }
}
