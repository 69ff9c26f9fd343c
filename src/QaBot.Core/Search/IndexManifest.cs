using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QaBot.Core.Documents;

namespace QaBot.Core.Search;

/// <summary>What one index generation holds; written beside it as manifest.json.</summary>
public sealed record IndexManifest(
    string Fingerprint,
    DateTimeOffset BuiltAt,
    int Sentences,
    IReadOnlyList<DocumentEntry> Documents,
    IReadOnlyList<SkippedFile> Skipped,
    string? VectorsSha256 = null)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static IndexManifest Read(string folder) =>
        JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException("The index manifest is empty.");

    /// <summary>The SHA-256 of a file in a generation, to verify it when the generation is opened (Lucene checks its own files).</summary>
    public static string HashOf(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// A hash of the analysis signature, the embedding model and every document's name and bytes: any change to the
    /// corpus or the analysis gives another fingerprint, and the index is rebuilt.
    /// </summary>
    public static string FingerprintOf(string documentsFolder, string? model = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Analysis.Signature));
        // The embedding model's vectors are part of a generation: another model, another index.
        hash.AppendData(Encoding.UTF8.GetBytes("\0model=" + (model is null ? "none" : model + "/" + Meaning.GenerationVectors.Magic)));
        foreach (var file in Corpus.Files(documentsFolder))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\0" + Path.GetRelativePath(documentsFolder, file) + "\0"));
            try { hash.AppendData(File.ReadAllBytes(file)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { hash.AppendData(Encoding.UTF8.GetBytes("unreadable")); }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>One indexed document: its file, title and sections.</summary>
public sealed record DocumentEntry(string FileName, string Title, IReadOnlyList<string> Sections, int Sentences);
