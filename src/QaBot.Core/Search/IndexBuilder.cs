using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using QaBot.Core.Documents;
using QaBot.Core.Meaning;

namespace QaBot.Core.Search;

/// <summary>
/// Writes one index generation: a Lucene document per sentence, with its paragraph and section as
/// context, and one per whole document.
/// </summary>
internal static class IndexBuilder
{
    /// <summary>Writes the generation into <paramref name="folder"/>; with an embedder, its vectors too.</summary>
    public static IndexManifest Build(Corpus corpus, string fingerprint, string folder, Embedder? embedder = null)
    {
        using (var directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.Version, Analysis.ForIndexing())
               { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 }))
        {
            foreach (var document in corpus.Documents)
            {
                writer.AddDocuments(Sentences(document));
                writer.AddDocument(WholeDocument(document));
            }
            writer.Commit();
        }
        var manifest = new IndexManifest(
            fingerprint,
            DateTimeOffset.UtcNow,
            corpus.Documents.Sum(d => d.Sentences.Count),
            corpus.Documents.Select(d => new DocumentEntry(d.FileName, d.Title, d.Sections, d.Sentences.Count)).ToList(),
            corpus.Skipped);
        if (embedder is not null)
        {
            GenerationVectors.Embed(corpus, embedder).Write(folder);
            manifest = manifest with { VectorsSha256 = IndexManifest.HashOf(Path.Combine(folder, GenerationVectors.FileName)) };
        }
        manifest.Write(folder);
        return manifest;
    }

    /// <summary>The document as one Lucene document: on a large corpus, the documents are ranked first.</summary>
    private static Document WholeDocument(CorpusDocument document) =>
    [
        new SortedDocValuesField(Fields.DocumentFile, new BytesRef(document.FileName)),
        new TextField(Fields.Document, string.Join('\n', document.Sections.Concat(document.Sentences.Select(s => s.Text))), Field.Store.NO),
    ];

    private static IEnumerable<Document> Sentences(CorpusDocument document)
    {
        foreach (var paragraph in document.Sentences.GroupBy(s => s.Paragraph))
        {
            var sentences = paragraph.ToList();
            var context = sentences[0].Section + "\n" + string.Join(' ', sentences.Select(s => s.Text));
            var contextTerms = string.Join(' ', Analysis.Stems(context));
            foreach (var sentence in sentences)
            {
                var fields = new Document
                {
                    new StringField(Fields.Key, Fields.KeyOf(document.FileName, sentence.Ordinal), Field.Store.YES),
                    new StringField(Fields.File, document.FileName, Field.Store.YES),
                    new StoredField(Fields.Title, document.Title),
                    new StoredField(Fields.Section, sentence.Section),
                    new StoredField(Fields.Ordinal, sentence.Ordinal),
                    new StoredField(Fields.Paragraph, sentence.Paragraph),
                    new TextField(Fields.Text, sentence.Text, Field.Store.YES),
                    new TextField(Fields.Surface, sentence.Text, Field.Store.NO),
                    new StoredField(Fields.TextTerms, string.Join(' ', Analysis.Stems(sentence.Text))),
                    new StoredField(Fields.ContextTerms, contextTerms),
                    new StoredField(Fields.Path, sentence.Path),
                };
                if (sentence.Page is { } page) fields.Add(new StoredField(Fields.Page, page));
                yield return fields;
            }
        }
    }
}
