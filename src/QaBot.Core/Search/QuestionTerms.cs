namespace QaBot.Core.Search;

/// <summary>
/// Turns question text into content terms: words that only shape a question ("what", "does",
/// "I", "please") are dropped before stemming, in questions and synonym rules alike.
/// </summary>
internal static class QuestionTerms
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "which", "who", "whom", "whose", "when", "where", "why", "how", "hows", "how's",
        "do", "does", "did", "doing", "done", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
        "is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "doesn't", "don't", "didn't",
        "can't", "cannot", "won't", "wouldn't", "shouldn't", "have", "has", "had", "having", "im", "i'm", "ive", "i've",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "we", "us", "our", "they", "them",
        "their", "he", "him", "his", "she", "her", "it", "its", "it's", "itself", "a", "an", "the", "this", "that",
        "these", "those", "there", "here", "and", "or", "but", "if", "then", "so", "than", "as", "of", "to", "in",
        "on", "at", "by", "for", "with", "about", "from", "into", "during", "up", "down", "please", "tell", "know",
        "explain", "anything", "something", "thing", "things", "really", "actually", "just", "also", "get", "got",
        "very", "much", "many", "any", "some", "lot", "lots", "kind", "sort", "way", "want", "like", "say", "says",
        "said", "mean", "means", "hey", "hi", "hello", "thanks", "thank", "ok", "okay", "well", "too", "all",
        "more", "most", "one", "ones", "such", "other's", "whether", "yes", "no", "not", "again", "ever",
        "exactly", "basically", "even", "currently", "still", "now", "usually", "often", "always", "generally",
        "typically", "normally", "possibly", "probably", "definitely", "certainly", "truly", "honestly", "seriously",
        "maybe", "perhaps", "quite", "pretty", "rather", "somewhat", "wondering", "less", "fewer", "main", "overall", "wonder", "curious",
        "anyone", "someone", "somebody", "true", "fact", "possible", "able", "ok", "alright", "okay", "sure",
        "enough", "think", "thinks", "while", "because", "since", "after", "before", "until", "though", "although", "whereas", "yet", "whilst",
    };

    /// <summary>
    /// Light verbs and vague modifiers: they take part in a question ("give you energy", "poor
    /// nutrition") but say little about its subject, so they weigh little.
    /// </summary>
    private static readonly HashSet<string> Light = new(StringComparer.Ordinal)
    {
        "make", "makes", "making", "made", "keep", "keeps", "keeping", "give", "gives", "giving", "go", "goes",
        "going", "went", "feel", "feels", "feeling", "happen", "happens", "happening", "try", "trying", "tried",
        "start", "starting", "put", "let", "take", "takes", "taking", "took", "cause", "causes", "stop", "stops",
        "poor", "good", "bad", "big", "small", "high", "low", "new", "real", "okay", "fine", "right", "best",
        "worst", "better", "worse", "whole", "full", "anymore", "lately", "recently",
        "friend", "friends", "husband", "wife", "partner", "boyfriend", "girlfriend", "brother", "sister", "mom",
        "mum", "mother", "dad", "father", "family", "roommate", "loved", "problem", "problems", "issue", "issues",
        "trouble", "troubles", "thing", "stuff", "effect", "effects",
    };


    /// <summary>True for a word that only shapes a question.</summary>
    public static bool IsGeneric(string word) => Generic.Contains(word);

    /// <summary>The words that only shape a question, for mending their typos ("wat", "hw", "shoud").</summary>
    public static Vocabulary GenericVocabulary { get; } = Vocabulary.Of(Generic);

    /// <summary>The text's content words as written (lower-cased), for preferring sentences that use the same wording.</summary>
    public static List<string> ContentWords(string text) => Analysis.Words(text).Where(w => !Generic.Contains(w)).Distinct().ToList();

    /// <summary>The English terms of the text's content words, in order.</summary>
    public static List<string> ContentStems(string text) =>
        Analysis.Stems(string.Join(' ', Analysis.Words(text).Where(w => !Generic.Contains(w))));

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "can", "could", "will", "would", "should", "does", "do", "did", "may", "might", "must", "shall",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal) { "how", "why", "when", "where", "what", "which", "who" };

    /// <summary>
    /// The stems of the light words in a question, so a concept made only of them weighs little:
    /// the listed light words, and the question's main verb, the word right after "can/does/will
    /// + subject" ("can you become dependent", "does kratom affect mood"): the subject and the
    /// object carry the question, the verb only links them.
    /// </summary>
    public static HashSet<string> LightStems(IReadOnlyList<string> words)
    {
        var light = words.Where(Light.Contains).ToList();
        var start = words.Count > 0 && QuestionWords.Contains(words[0]) ? 1 : 0;
        if (words.Count > start + 2 && Auxiliaries.Contains(words[start]) && !Generic.Contains(words[start + 2]))
            light.Add(words[start + 2]);
        return Analysis.Stems(string.Join(' ', light)).ToHashSet(StringComparer.Ordinal);
    }
}
