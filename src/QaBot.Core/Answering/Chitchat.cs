using System.Text.RegularExpressions;

namespace QaBot.Core.Answering;

internal enum ChitchatKind { None, Greeting, Thanks, Goodbye, Capabilities, Identity, HowAreYou, Acknowledgement, Venting }

/// <summary>The intent model's small-talk labels ("how_are_you") as kinds.</summary>
internal static class ChitchatKinds
{
    public static ChitchatKind Parse(string label) =>
        Enum.TryParse<ChitchatKind>(label.Replace("_", ""), ignoreCase: true, out var kind) && kind != ChitchatKind.None ? kind : ChitchatKind.Greeting;

    /// <summary>The label the intent model uses for a kind.</summary>
    public static string Label(ChitchatKind kind) => kind switch
    {
        ChitchatKind.HowAreYou => "how_are_you",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>Recognises a message that is only a greeting, thanks, goodbye or a question about the bot.</summary>
internal static partial class Chitchat
{
    [GeneratedRegex(@"^((hi|hello|hey|hiya|howdy|greetings|yo|hallo|good (morning|afternoon|evening|day))( there| bot| qabot| everyone| all)?)$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^((ok|okay|great|cool|perfect|awesome|nice|good)\s+)?(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it|i appreciate it)(\s+(so much|a lot|very much|again|for (the|your) (help|answer|info|information)|bot|qabot))*$")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(bye|goodbye|bye bye|see you|see ya|cya|good night|farewell|later)( now| then| for now)?$")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"^(help|menu|start|about|what can you do|what do you do|who are you|what are you|how does this work|how do you work|what can i ask( you)?|what do you know( about)?|what can you answer|what can you help (me )?with|how can you help( me)?|are you a bot|are you human)$")]
    private static partial Regex Capabilities();

    public static ChitchatKind Classify(string normalized)
    {
        var bare = Bare(normalized);
        if (bare.Length == 0) return ChitchatKind.None;
        if (Greeting().IsMatch(bare)) return ChitchatKind.Greeting;
        if (Thanks().IsMatch(bare)) return ChitchatKind.Thanks;
        if (Goodbye().IsMatch(bare)) return ChitchatKind.Goodbye;
        if (Capabilities().IsMatch(bare)) return ChitchatKind.Capabilities;
        return ChitchatKind.None;
    }

    /// <summary>Lower case letters, digits, apostrophes and single spaces only.</summary>
    private static string Bare(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
