using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Conversations;
using QaBot.Core.Documents;
using QaBot.Core.Search;

namespace QaBot.Cli;

/// <summary>The qabot commands: ask, ask --jsonl, index, chat.</summary>
internal static class Commands
{
    private const string Usage = """
        usage:
          qabot ask "question"     answer one question, as text (add --json for the reply object)
          qabot ask --jsonl        read questions from standard input, one a line; write one JSON reply a line
          qabot index              rebuild the index from the documents and say what was indexed
          qabot read FILE          show how a document is read: title, and each passage with its section and page
          qabot chat               ask questions interactively ("tell me more" continues; an empty line or "exit" quits)
          qabot train              fit the understanding models on training/ and write their parameters
                                   [--folds N] [--ablations] [--with FILE.json]... [--held-out FILE.json]...
        """;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["ask", "--jsonl"] => await AskLinesAsync(services, input, output),
                ["ask", "--json", .. var words] when words.Length > 0 => await AskOneAsync(services, string.Join(' ', words), output, json: true),
                ["ask", .. var words] when words.Length > 0 && !words[0].StartsWith("--", StringComparison.Ordinal) => await AskOneAsync(services, string.Join(' ', words), output, json: false),
                ["index"] => Index(services, output),
                ["read", var file] => ReadCommand.Run(file, output, error),
                ["chat"] => await ChatAsync(services, input, output),
                ["train", .. var options] => await TrainCommand.RunAsync(services, options, output, error),
                ["help" or "--help" or "-h"] => Help(output, 0),
                _ => Help(error, 64),
            };
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("qabot: appsettings.json is not valid: " + string.Join("; ", e.Failures));
            return 78;
        }
        catch (CorpusException e)
        {
            await error.WriteLineAsync("qabot: " + e.Message);
            return 66;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("qabot: the index could not be read or built: " + e.Message + " Run `qabot index` to rebuild it.");
            return 74;
        }
    }

    private static int Help(TextWriter writer, int code)
    {
        writer.WriteLine(Usage);
        return code;
    }

    private static async Task<int> AskOneAsync(IServiceProvider services, string question, TextWriter output, bool json)
    {
        OpenIndex(services);
        var reply = await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question);
        await output.WriteLineAsync(json ? ReplyJson.Serialize(reply) : reply.Text);
        return 0;
    }

    /// <summary>One JSON line per input line, blank lines included, so answers stay aligned with questions.</summary>
    private static async Task<int> AskLinesAsync(IServiceProvider services, TextReader input, TextWriter output)
    {
        OpenIndex(services);
        var answerer = services.GetRequiredService<IQuestionAnswerer>();
        while (await input.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(ReplyJson.Serialize(await answerer.AnswerAsync(line)));
            await output.FlushAsync();
        }
        return 0;
    }

    private static int Index(IServiceProvider services, TextWriter output)
    {
        var manifest = services.GetRequiredService<IndexStore>().Rebuild();
        output.WriteLine($"Indexed {manifest.Sentences} sentences from {manifest.Documents.Count} document(s):");
        foreach (var d in manifest.Documents)
            output.WriteLine($"  {d.FileName}: \u201C{d.Title}\u201D, {d.Sentences} sentences, sections: {string.Join("; ", d.Sections)}");
        foreach (var s in manifest.Skipped)
            output.WriteLine($"  skipped {s.FileName}: {s.Reason}");
        output.WriteLine($"Fingerprint {manifest.Fingerprint[..16]}");
        return 0;
    }

    /// <summary>The same conversation logic as the bot: "tell me more" (or "more") continues the last answered question.</summary>
    /// <summary>
    /// Opens (or builds) the index before the first question: the answerer replies politely when it
    /// cannot search, but at the command line a missing or unreadable corpus is an error to fix.
    /// </summary>
    private static void OpenIndex(IServiceProvider services)
    {
        using var snapshot = services.GetRequiredService<IndexStore>().Acquire();
    }

    private static async Task<int> ChatAsync(IServiceProvider services, TextReader input, TextWriter output)
    {
        OpenIndex(services);
        var conversation = services.GetRequiredService<Conversation>();
        var memory = new ConversationMemory();
        await output.WriteLineAsync($"Ask about the article. \"{conversation.MoreLabel}\" shows more passages for the last question; an empty line or \"exit\" quits.");
        while (true)
        {
            await output.WriteAsync("> ");
            var line = (await input.ReadLineAsync())?.Trim();
            if (string.IsNullOrEmpty(line) || line is "exit" or "quit") return 0;
            var reply = await conversation.ReplyAsync(memory, line);
            await output.WriteLineAsync(reply.Text + "\n");
        }
    }
}
