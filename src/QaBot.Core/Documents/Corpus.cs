using System.Text;

namespace QaBot.Core.Documents;

/// <summary>The documents that were read, and the files that could not be.</summary>
public sealed record Corpus(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>File extensions that are read as documents.</summary>
    public static readonly string[] Extensions = [".txt", ".md"];

    /// <summary>Every .txt and .md file under the folder, in a stable order.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        if (!Directory.Exists(folder))
            throw new CorpusException($"The documents folder '{folder}' does not exist. Put the article (a .txt or .md file) there.");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads every document; one that cannot be read is reported in <see cref="Skipped"/> and the rest still load.</summary>
    public static Corpus Load(string folder)
    {
        var documents = new List<CorpusDocument>();
        var skipped = new List<SkippedFile>();
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var file in Files(folder))
        {
            var name = Path.GetRelativePath(folder, file);
            try
            {
                var text = File.ReadAllText(file, strict);
                var document = DocumentReader.Read(name, text);
                if (document.Sentences.Count == 0) skipped.Add(new SkippedFile(name, "it has no text"));
                else documents.Add(document);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                skipped.Add(new SkippedFile(name, e is DecoderFallbackException ? "it is not UTF-8 text" : e.Message));
            }
        }
        if (documents.Count == 0)
            throw new CorpusException($"No readable .txt or .md document was found in '{folder}'.");
        return new Corpus(documents, skipped);
    }
}

/// <summary>A file that was not read, and why.</summary>
public sealed record SkippedFile(string FileName, string Reason);

/// <summary>The corpus is missing or holds nothing readable.</summary>
public sealed class CorpusException(string message) : Exception(message);
