using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Conversations;
using QaBot.Core.Search;
using QaBot.Web.Hosting;

namespace QaBot.Web.Bot;

/// <summary>
/// What the article is about and what to ask next: example questions from configuration and the
/// article's own section headings, never a hard-coded answer.
/// </summary>
internal sealed class Suggestions(IOptions<BotOptions> options, Conversation conversation, IndexStore index, ILogger<Suggestions> log)
{
    private readonly BotOptions _options = options.Value;

    /// <summary>The documents' titles and section headings, as the index lists them.</summary>
    public (IReadOnlyList<string> Titles, IReadOnlyList<string> Sections) Outline()
    {
        try
        {
            using var snapshot = index.Acquire();
            var documents = snapshot.Manifest.Documents;
            return (documents.Select(d => d.Title).ToList(), documents.SelectMany(d => d.Sections).Distinct().ToList());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning(e, "The index could not be opened for the article's outline.");
            return ([], []);
        }
    }

    /// <summary>Questions to offer next: "tell me more" after an answer, then examples not asked yet (<paramref name="asked"/> holds fingerprints).</summary>
    public IReadOnlyList<string> After(Reply? reply, IReadOnlyCollection<string> asked)
    {
        if (reply?.Status == ReplyStatus.Emergency || _options.MaxSuggestions == 0) return [];
        var offered = new List<string>();
        if (reply?.Status == ReplyStatus.Answered) offered.Add(conversation.MoreLabel);
        var seen = asked.ToHashSet(StringComparer.Ordinal);
        foreach (var question in _options.ExampleQuestions.Concat(Outline().Sections))
        {
            if (offered.Count >= _options.MaxSuggestions) break;
            if (!string.IsNullOrWhiteSpace(question) && seen.Add(Conversation.Fingerprint(question))) offered.Add(question);
        }
        return offered;
    }
}
