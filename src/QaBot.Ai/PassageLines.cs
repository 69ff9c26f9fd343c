using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>Passages as the model reads them: one a line, its id first, so it can cite by id.</summary>
internal static class PassageLines
{
    public static string Render(IEnumerable<Passage> passages)
    {
        var lines = passages.Select(p => $"[{p.Id}] (section: {OneLine(p.Section)}) {OneLine(p.Text)}").ToList();
        return lines.Count == 0 ? "(no passages)" : string.Join('\n', lines);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
