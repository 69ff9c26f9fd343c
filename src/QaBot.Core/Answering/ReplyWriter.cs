using System.Text;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>
/// Writes each kind of reply as a person reads it. Its own words only ever describe the
/// documents or the bot; every claim about health stays inside a quote. The advisory ends every reply.
/// </summary>
internal sealed class ReplyWriter(SafetyOptions safety)
{
    public Reply Answered(Evidence evidence, bool more) => Quoted(
        evidence.TwoSided ? "The article says different things about this:"
            : more ? "Here is more of what the article says:" : "Here is what the article says:",
        evidence.Quotes, "extractive");

    /// <summary>A lead-in, then each quote with its document and section.</summary>
    public Reply Quoted(string leadIn, IReadOnlyList<Quote> quotes, string composer)
    {
        var text = new StringBuilder(leadIn).Append('\n');
        AppendQuotes(text, quotes);
        return Finish(ReplyStatus.Answered, text.ToString().TrimEnd(), quotes) with { Composer = composer, Intro = leadIn };
    }

    private static void AppendQuotes(StringBuilder text, IReadOnlyList<Quote> quotes)
    {
        foreach (var quote in quotes)
            text.Append('\n').Append('\u201C').Append(quote.Text).Append('\u201D').Append('\n')
                .Append("\u2014 ").Append(quote.Document).Append(", section \u201C").Append(quote.Section).Append('\u201D')
                .Append(quote.Page is { } page ? $", p. {page}" : "").Append('\n');
    }

    public Reply NotFound(IndexManifest manifest, bool more)
    {
        var text = more
            ? "That is everything the documents say on this question."
            : "The documents do not cover that question, so I cannot answer it from them.";
        return Finish(ReplyStatus.NotFound, text + " " + Coverage(manifest), []);
    }

    /// <summary>
    /// The documents could not be searched (the index failed while it is being healed): say so
    /// plainly, never as "not covered", and point to emergency help in case it is needed.
    /// </summary>
    public Reply Unavailable()
    {
        var contact = safety.EmergencyContacts.FirstOrDefault();
        var danger = contact is null ? "" : $" If you or someone else may be in danger, contact {contact.Name} ({contact.Contact}) now.";
        return Finish(ReplyStatus.NotFound, "I could not search the documents just now; please ask again in a moment." + danger, []);
    }

    /// <summary>The emergency guidance first; when the bot is not sure it is an emergency and the documents answer the question, the answer below it.</summary>
    public Reply Emergency(Evidence? answer = null)
    {
        var text = new StringBuilder(answer is null
            ? "This sounds like an emergency. Please get help right now:\n"
            : "If you or someone near you may be in danger, please get help right now:\n");
        foreach (var contact in safety.EmergencyContacts)
            text.Append("\n- ").Append(contact.Name).Append(": ").Append(contact.Contact)
                .Append(string.IsNullOrWhiteSpace(contact.When) ? "" : " (" + contact.When + ")");
        text.Append("\n\nIf you are not in the United States, call your local emergency number.");
        if (answer is null) return Finish(ReplyStatus.Emergency, text.ToString(), []);
        text.Append("\n\nAbout your question, here is what the article says:");
        var intro = text.ToString();
        text.Append('\n');
        AppendQuotes(text, answer.Quotes);
        return Finish(ReplyStatus.Emergency, text.ToString().TrimEnd(), answer.Quotes) with { Composer = "extractive", Intro = intro };
    }

    public Reply Chitchat(ChitchatKind kind, IndexManifest manifest) => Finish(ReplyStatus.Chitchat, kind switch
    {
        ChitchatKind.Thanks => "You're welcome. Ask me anything else about the article.",
        ChitchatKind.Goodbye => "Goodbye, and take care.",
        ChitchatKind.Acknowledgement => "Alright. Ask me anything else about the article. " + Coverage(manifest),
        ChitchatKind.HowAreYou => "I'm a bot, so I'm always ready to help. I answer questions about " + Titles(manifest) + " by quoting it word for word. " + Coverage(manifest),
        ChitchatKind.Identity => "I'm QaBot, a program, not a person or a doctor. I answer questions about " + Titles(manifest) + " by quoting it word for word, with the section each quote comes from. " + Coverage(manifest),
        ChitchatKind.Venting => "That sounds really hard. I can't give advice of my own, but I can show you what the article says, for example about managing withdrawal. If it ever feels like too much, you can call or text 988 at any time.",
        _ => "Hello! I answer questions about " + Titles(manifest) + " by quoting it word for word, with the section each quote comes from. " + Coverage(manifest),
    }, []);

    private Reply Finish(ReplyStatus status, string body, IReadOnlyList<Quote> quotes) =>
        new(status, body + "\n\n" + safety.Advisory, quotes, safety.Advisory) { Intro = body };

    private static string Titles(IndexManifest manifest) =>
        string.Join(", ", manifest.Documents.Select(d => "\u201C" + d.Title + "\u201D").Take(5))
        + (manifest.Documents.Count > 5 ? $" and {manifest.Documents.Count - 5} more documents" : "");

    /// <summary>What the documents do cover: their sections, so a person knows what to ask.</summary>
    private static string Coverage(IndexManifest manifest)
    {
        var sections = manifest.Documents.SelectMany(d => d.Sections).Distinct().Take(8).ToList();
        return sections.Count == 0
            ? "They cover " + Titles(manifest) + "."
            : "The article covers: " + string.Join("; ", sections) + ".";
    }
}
