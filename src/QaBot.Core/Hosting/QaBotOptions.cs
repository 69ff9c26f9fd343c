using System.ComponentModel.DataAnnotations;

namespace QaBot.Core.Hosting;

/// <summary>Where the documents are (section "Corpus").</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>Folder of .txt and .md documents, relative to the project root.</summary>
    [Required] public string DocumentsPath { get; set; } = "index/documents";
}

/// <summary>The Lucene index (section "Index").</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>Folder holding the built index generations, relative to the project root.</summary>
    [Required] public string Path { get; set; } = "index/lucene";

    /// <summary>Solr-format synonyms mapping people's words to the documents' words.</summary>
    [Required] public string SynonymsPath { get; set; } = "index/synonyms.txt";

    /// <summary>
    /// Whether a long-running host watches the documents folder and the synonym file and rebuilds
    /// in the background when they change. Either way it picks up a generation that another process
    /// (<c>qabot index</c>) made current.
    /// </summary>
    public bool WatchDocuments { get; set; } = true;

    /// <summary>How long changes must settle before a refresh (a copied file is written in several steps).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")] public TimeSpan RefreshDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often the host also checks without being told (file events do not cross some network
    /// and container mounts); 0 checks only on events.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How answers are chosen and composed (section "Answering").</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>
    /// Share of the question's weighted meaningful words the best passage must cover to answer;
    /// below it the reply is not_found.
    /// </summary>
    [Range(0.0, 1.0)] public double MinCoverage { get; set; } = 0.5;

    /// <summary>Most quotes in one reply.</summary>
    [Range(1, 10)] public int MaxQuotes { get; set; } = 3;

    /// <summary>Longest first quote, in characters.</summary>
    [Range(100, 5000)] public int FirstQuoteMaxChars { get; set; } = 600;

    /// <summary>Longer questions are answered from their start.</summary>
    [Range(10, 100_000)] public int MaxQuestionChars { get; set; } = 1000;

    /// <summary>Most distinct words of a question that take part in a search.</summary>
    [Range(1, 1024)] public int MaxQueryTerms { get; set; } = 32;

    /// <summary>Sentences Lucene hands to the reranker.</summary>
    [Range(5, 1000)] public int Candidates { get; set; } = 40;

    /// <summary>
    /// Replies kept per index generation, by normalized question (0 turns the cache off): people ask
    /// the same questions, and the suggested ones word for word. Emptied when full.
    /// </summary>
    [Range(0, 1_000_000)] public int ReplyCache { get; set; } = 1024;
}

/// <summary>How a chat continues (section "Conversation"), for the bot and <c>qabot chat</c> alike.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    /// <summary>Messages that ask for more passages on the previous question ("tell me more").</summary>
    public List<string> MoreCommands { get; set; } = [];

    /// <summary>The label of the "tell me more" suggestion; saying it asks for more too.</summary>
    [Required, MinLength(1)] public string MoreLabel { get; set; } = "Tell me more";
}

/// <summary>Medical advice and emergency contacts (section "Safety").</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>Ends every reply.</summary>
    [Required, MinLength(10)]
    public string Advisory { get; set; } =
        "This is not medical advice. Please consult a doctor or another qualified medical professional before making any decision about kratom, opioids or withdrawal.";

    /// <summary>High-precision patterns of an emergency, one regular expression a line: a second net under the intent model.</summary>
    [Required] public string EmergencyPatternsPath { get; set; } = "index/emergency-patterns.txt";

    /// <summary>Who to call, in order, when someone describes an emergency.</summary>
    public List<EmergencyContact> EmergencyContacts { get; set; } = [];
}

/// <summary>One emergency line.</summary>
public sealed class EmergencyContact
{
    [Required] public string Name { get; set; } = "";
    [Required] public string Contact { get; set; } = "";
    public string When { get; set; } = "";
}

/// <summary>The embedding model and the models fitted on it (section "Understanding").</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>
    /// Whether questions are read with the embedding model and the fitted models. Off: no model is
    /// loaded and answering is lexical (Lucene, the synonym file and rules), for small deployments.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The fitted parameters written by <c>qabot train</c>, relative to the project root.</summary>
    [Required] public string ParametersPath { get; set; } = "index/understanding.json";

    /// <summary>ONNX Runtime threads per embedding run of the local model.</summary>
    [Range(1, 64)] public int Threads { get; set; } = 1;
}
