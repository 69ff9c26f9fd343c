using System.Text.RegularExpressions;

namespace QaBot.Core.Answering;

/// <summary>
/// The second net under the intent model: high-precision patterns of a person in danger now, kept
/// as data (one .NET regular expression a line, '#' comments). A malformed line stops start-up
/// with its line number rather than being skipped.
/// </summary>
internal sealed class EmergencyPatterns
{
    public static readonly EmergencyPatterns None = new([]);

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    private readonly IReadOnlyList<Regex> _patterns;

    private EmergencyPatterns(IReadOnlyList<Regex> patterns) => _patterns = patterns;

    public int Count => _patterns.Count;

    public static EmergencyPatterns Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path), path) : None;

    public static EmergencyPatterns Parse(IEnumerable<string> lines, string source = "emergency patterns")
    {
        var patterns = new List<Regex>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            try { patterns.Add(new Regex(line, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)); }
            catch (ArgumentException e) { throw new InvalidDataException($"{source}, line {number}: not a valid pattern ({e.Message}).", e); }
        }
        return new EmergencyPatterns(patterns);
    }

    /// <summary>Whether any pattern matches the normalized question; a pattern that times out does not match.</summary>
    public bool Match(string normalized)
    {
        foreach (var pattern in _patterns)
        {
            try { if (pattern.IsMatch(normalized)) return true; }
            catch (RegexMatchTimeoutException) { }
        }
        return false;
    }
}
