using QaBot.Core.Answering;
using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;

namespace QaBot.Core.Training;

/// <summary>A set of documents indexed for training, in a temporary folder of its own, with the embedding model's vectors.</summary>
internal sealed class TrainingCorpus : IDisposable
{
    private readonly string _folder;
    private readonly IndexStore _store;

    /// <param name="feedsBank">Whether its questions go into the banks: true for the documents a deployment ships.</param>
    public TrainingCorpus(string name, IReadOnlyList<string> documentFolders, Embedder embedder, bool feedsBank)
    {
        Name = name;
        FeedsBank = feedsBank;
        _folder = Path.Combine(Path.GetTempPath(), "qabot-train", Guid.NewGuid().ToString("N"));
        var documents = Path.Combine(_folder, "documents");
        Directory.CreateDirectory(documents);
        foreach (var source in documentFolders)
            foreach (var file in Documents.Corpus.Files(source))
            {
                var target = Path.Combine(documents, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        _store = new IndexStore(documents, Path.Combine(_folder, "index"), embedder: embedder);
        Snapshot = _store.Acquire();
    }

    public string Name { get; }

    public bool FeedsBank { get; }

    /// <summary>The text of the sentence with this key.</summary>
    public string Text(string key) => Retriever.Stored(Snapshot, key)?.Sentence.Text ?? throw new InvalidOperationException($"No sentence {key}.");

    public IndexSnapshot Snapshot { get; }

    public void Dispose()
    {
        Snapshot.Dispose();
        _store.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>An example read against its corpus: the parse (with the question's vectors) is done once and shared by every fold.</summary>
internal sealed record PreparedExample(TrainingExample Example, ParsedQuestion Question, TrainingCorpus Corpus)
{
    public const string Chitchat = "chitchat";

    /// <summary>The intent label: emergency, chitchat, or question.</summary>
    public string Intent => Example.Expect switch
    {
        "emergency" => IntentLabels.Emergency,
        "chitchat" => Chitchat,
        _ => IntentLabels.Question,
    };

    public QuestionMeaning Meaning => Question.Meaning!;
}
