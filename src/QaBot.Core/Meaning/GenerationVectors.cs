using System.Text;
using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Core.Meaning;

/// <summary>
/// The embedding model's vectors for one index generation, computed when it is built and stored
/// beside it (vectors.bin): every sentence, every paragraph with its section heading, every
/// section heading alone, and every content word of the documents. A generation built with another model (or none) is rebuilt.
/// </summary>
internal sealed class GenerationVectors
{
    public const string FileName = "vectors.bin";
    public const string Magic = "qabot-vectors/2";

    private readonly Dictionary<string, int> _sentenceAt;
    private readonly Dictionary<string, int> _paragraphAt;
    private readonly Dictionary<string, int> _sectionAt;

    private GenerationVectors(string modelId, List<string> sentenceKeys, float[][] sentences, List<string> paragraphKeys, float[][] paragraphs,
        List<string> sectionKeys, float[][] sections, Dictionary<string, float[]> words)
    {
        ModelId = modelId;
        SentenceKeys = sentenceKeys;
        Sentences = sentences;
        ParagraphKeys = paragraphKeys;
        Paragraphs = paragraphs;
        SectionKeys = sectionKeys;
        Sections = sections;
        Words = words;
        _sectionAt = sectionKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        _sentenceAt = sentenceKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        _paragraphAt = paragraphKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
    }

    public string ModelId { get; }

    /// <summary>"file#ordinal" of each sentence, in the order of <see cref="Sentences"/>.</summary>
    public IReadOnlyList<string> SentenceKeys { get; }

    public float[][] Sentences { get; }

    public IReadOnlyList<string> ParagraphKeys { get; }

    public float[][] Paragraphs { get; }

    public IReadOnlyList<string> SectionKeys { get; }

    /// <summary>Each section heading of each document, alone: in a FAQ the heading is the question.</summary>
    public float[][] Sections { get; }

    /// <summary>The documents' content words (lower case, as written).</summary>
    public IReadOnlyDictionary<string, float[]> Words { get; }

    public float[]? Sentence(string file, int ordinal) => _sentenceAt.TryGetValue(Fields.KeyOf(file, ordinal), out var i) ? Sentences[i] : null;

    public float[]? Paragraph(string file, int paragraph) => _paragraphAt.TryGetValue(Fields.KeyOf(file, paragraph), out var i) ? Paragraphs[i] : null;

    public float[]? Section(string file, string section) => _sectionAt.TryGetValue(SectionKey(file, section), out var i) ? Sections[i] : null;

    private static string SectionKey(string file, string section) => file + "\u0000" + section;

    /// <summary>Embeds a corpus: sentences, paragraphs under their headings, and content words.</summary>
    public static GenerationVectors Embed(Corpus corpus, Embedder embedder)
    {
        var sentenceKeys = new List<string>();
        var sentenceTexts = new List<string>();
        var paragraphKeys = new List<string>();
        var paragraphTexts = new List<string>();
        var sectionKeys = new List<string>();
        var sectionTexts = new List<string>();
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in corpus.Documents)
        {
            foreach (var sentence in document.Sentences)
            {
                sentenceKeys.Add(Fields.KeyOf(document.FileName, sentence.Ordinal));
                sentenceTexts.Add(sentence.Text);
                words.UnionWith(ContentWords.Of(sentence.Text));
            }
            foreach (var paragraph in document.Sentences.GroupBy(s => s.Paragraph))
            {
                paragraphKeys.Add(Fields.KeyOf(document.FileName, paragraph.Key));
                paragraphTexts.Add(paragraph.First().Section + ". " + string.Join(' ', paragraph.Select(s => s.Text)));
            }
            foreach (var section in document.Sentences.Select(x => x.Section).Distinct())
            {
                sectionKeys.Add(SectionKey(document.FileName, section));
                sectionTexts.Add(section);
            }
            foreach (var section in document.Sections) words.UnionWith(ContentWords.Of(section));
        }
        var wordList = words.ToList();
        var wordVectors = embedder.Embed(wordList);
        return new GenerationVectors(embedder.ModelId, sentenceKeys, embedder.Embed(sentenceTexts), paragraphKeys, embedder.Embed(paragraphTexts),
            sectionKeys, embedder.Embed(sectionTexts), wordList.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => wordVectors[p.i], StringComparer.Ordinal));
    }

    public void Write(string folder)
    {
        using var stream = File.Create(Path.Combine(folder, FileName));
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(ModelId);
        WriteTable(writer, SentenceKeys, Sentences);
        WriteTable(writer, ParagraphKeys, Paragraphs);
        WriteTable(writer, SectionKeys, Sections);
        WriteTable(writer, Words.Keys.ToList(), Words.Values.ToArray());
    }

    /// <summary>The generation's vectors, or null when it has none (built without a model).</summary>
    public static GenerationVectors? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException("vectors.bin is not in a known format.");
        var model = reader.ReadString();
        var (sentenceKeys, sentences) = ReadTable(reader);
        var (paragraphKeys, paragraphs) = ReadTable(reader);
        var (sectionKeys, sections) = ReadTable(reader);
        var (wordKeys, wordVectors) = ReadTable(reader);
        if (stream.Position != stream.Length) throw new InvalidDataException("vectors.bin has trailing bytes.");
        return new GenerationVectors(model, sentenceKeys, sentences, paragraphKeys, paragraphs, sectionKeys, sections,
            wordKeys.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => wordVectors[p.i], StringComparer.Ordinal));
    }

    private static void WriteTable(BinaryWriter writer, IReadOnlyList<string> keys, float[][] vectors)
    {
        writer.Write(keys.Count);
        writer.Write(vectors.Length == 0 ? 0 : vectors[0].Length);
        for (var i = 0; i < keys.Count; i++)
        {
            writer.Write(keys[i]);
            foreach (var x in vectors[i]) writer.Write(x);
        }
    }

    private static (List<string> Keys, float[][] Vectors) ReadTable(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (count < 0 || dimensions is < 0 or > 65_536) throw new InvalidDataException("vectors.bin has a bad table header.");
        var keys = new List<string>(count);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            keys.Add(reader.ReadString());
            var v = new float[dimensions];
            for (var j = 0; j < dimensions; j++) v[j] = reader.ReadSingle();
            vectors[i] = v;
        }
        return (keys, vectors);
    }
}
