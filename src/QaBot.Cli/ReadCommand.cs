using QaBot.Core.Documents;

namespace QaBot.Cli;

/// <summary>`qabot read FILE`: what the reader of the file's format makes of it, so an operator can check a PDF or a web page before dropping it in.</summary>
internal static class ReadCommand
{
    public static int Run(string file, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"qabot: there is no file '{file}'.");
            return 66;
        }
        CorpusDocument document;
        try
        {
            document = Corpus.Read(file, Path.GetFileName(file));
        }
        catch (UnreadableDocumentException e)
        {
            error.WriteLine($"qabot: {Path.GetFileName(file)} cannot be read: {e.Message}.");
            return 65;
        }
        output.WriteLine($"\u201C{document.Title}\u201D: {document.Sentences.Count} sentences in {document.Sentences.Select(s => s.Paragraph).Distinct().Count()} passages, {document.Sections.Count} sections.");
        foreach (var passage in document.Sentences.GroupBy(s => s.Paragraph))
        {
            var first = passage.First();
            output.WriteLine();
            output.WriteLine($"[{first.Path}{(first.Page is { } page ? $", p. {page}" : "")}]");
            foreach (var sentence in passage) output.WriteLine("  " + sentence.Text);
        }
        return 0;
    }
}
