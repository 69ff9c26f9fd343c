namespace QaBot.Core.Documents;

/// <summary>The documents that were read, and the files that could not be.</summary>
public sealed record Corpus(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Every file under the folder that some reader reads, in a stable order.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        if (!Directory.Exists(folder))
            throw new CorpusException($"The documents folder '{folder}' does not exist. Put the article (a .txt or .md file) there.");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => DocumentReaders.For(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads every document; one that cannot be read is reported in <see cref="Skipped"/> and the rest still load.</summary>
    public static Corpus Load(string folder)
    {
        var documents = new List<CorpusDocument>();
        var skipped = new List<SkippedFile>();
        foreach (var file in Files(folder))
        {
            var name = Path.GetRelativePath(folder, file);
            try
            {
                var document = Read(file, name);
                if (document.Sentences.Count == 0) skipped.Add(new SkippedFile(name, "it has no text"));
                else documents.Add(document);
            }
            catch (UnreadableDocumentException e)
            {
                skipped.Add(new SkippedFile(name, e.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The exception's own message names the folder; the reason is shown to whoever asks /healthz.
                skipped.Add(new SkippedFile(name, e is UnauthorizedAccessException ? "it could not be opened: access is denied" : $"it could not be opened ({e.GetType().Name})"));
            }
        }
        if (documents.Count == 0)
            throw new CorpusException($"No readable document ({string.Join(", ", DocumentReaders.Extensions)}) was found in '{folder}'.");
        return new Corpus(documents, skipped);
    }

    /// <summary>
    /// One file, read whole into memory first (the PDF and Word libraries need to seek); throws
    /// <see cref="UnreadableDocumentException"/> with the reason when it cannot be read.
    /// </summary>
    public static CorpusDocument Read(string file, string name)
    {
        var reader = DocumentReaders.For(file) ?? throw new UnreadableDocumentException($"no reader knows '{Path.GetExtension(file)}' files (readable: {string.Join(", ", DocumentReaders.Extensions)})");
        using var content = new MemoryStream(File.ReadAllBytes(file), writable: false);
        try
        {
            return reader.Read(name, content);
        }
        catch (Exception e) when (e is not (UnreadableDocumentException or OutOfMemoryException))
        {
            // A library that fails on a damaged file must not stop the other documents from loading.
            throw new UnreadableDocumentException($"it could not be read ({e.GetType().Name})", e);
        }
    }
}

/// <summary>A file that was not read, and why.</summary>
public sealed record SkippedFile(string FileName, string Reason);

/// <summary>The corpus is missing or holds nothing readable.</summary>
public sealed class CorpusException(string message) : Exception(message);
