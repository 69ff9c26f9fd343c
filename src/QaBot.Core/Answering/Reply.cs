namespace QaBot.Core.Answering;

/// <summary>What kind of reply this is.</summary>
public enum ReplyStatus
{
    /// <summary>Quotes from the documents answer the question.</summary>
    Answered,
    /// <summary>The documents do not cover the question.</summary>
    NotFound,
    /// <summary>The person described an emergency; emergency guidance comes first.</summary>
    Emergency,
    /// <summary>A greeting, thanks or a question about the bot itself.</summary>
    Chitchat,
}

/// <summary>One verbatim passage of a document, with where it stands.</summary>
/// <param name="Text">The passage, character for character as in the document.</param>
/// <param name="Document">The document's title.</param>
/// <param name="Section">The section heading the passage stands under.</param>
/// <param name="Score">Relevance to the question, from 0 to 1.</param>
public sealed record Quote(string Text, string Document, string Section, double Score)
{
    /// <summary>Where it stands in full: the document's title and the headings above it ("Title › Section › Subsection").</summary>
    public string Path { get; init; } = Quotes.PathOf(Document, Section);

    /// <summary>The page it starts on, in documents that have pages (PDF); absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }
}

/// <summary>
/// The reply contract every host returns. <see cref="Text"/> is the whole reply as a person
/// reads it and always ends with <see cref="Advisory"/>.
/// </summary>
public sealed record Reply(ReplyStatus Status, string Text, IReadOnlyList<Quote> Quotes, string Advisory)
{
    /// <summary>Which composer produced the reply ("extractive", "model", or "rules" for triage and chitchat).</summary>
    public string Composer { get; init; } = "rules";

    /// <summary>
    /// The reply's own words before its quotes (the whole reply but the advisory when it has none):
    /// what a host shows above the quotes it formats itself, so nothing parses <see cref="Text"/> back.
    /// </summary>
    public string Intro { get; init; } = "";
}

/// <summary>How a quote's place is written.</summary>
internal static class Quotes
{
    /// <summary>"Title › Section › Subsection".</summary>
    public static string PathOf(string document, string sectionPath) => document + Documents.DocumentBuilder.PathSeparator + sectionPath;
}
