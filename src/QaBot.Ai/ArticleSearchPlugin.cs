using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>
/// The article's retrieval as a function the model may call, e.g. once for each part of a
/// two-part question. It hands out sentences with ids, the same way the prompt lists them.
/// </summary>
public sealed class ArticleSearchPlugin(IPassageSearch search, ILogger<ArticleSearchPlugin> log)
{
    /// <summary>The plugin's name; the model sees the function as "article-search".</summary>
    public const string Name = "article";

    /// <summary>Sentences one search returns.</summary>
    public const int MaxResults = 5;

    [KernelFunction("search")]
    [Description("Searches the article for sentences about a topic. Returns sentences, best first, each with the id to cite it by.")]
    public string Search([Description("A few words naming what to look for, e.g. \"hair loss\" or \"withdrawal symptoms\".")] string query)
    {
        var found = search.Search(query ?? "", MaxResults);
        log.LogDebug("The model searched for {Query}: {Count} sentences.", query, found.Count);
        return PassageLines.Render(found);
    }
}

/// <summary>
/// Keeps the model's searches few: past <see cref="MaxSearches"/> a call is answered with a note
/// to answer now; a model that keeps calling is stopped, and its answer then fails to parse,
/// so the core falls back.
/// </summary>
internal sealed class SearchBudgetFilter(ILogger log) : IAutoFunctionInvocationFilter
{
    public const int MaxSearches = 2;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var done = context.ChatHistory.SelectMany(m => m.Items).OfType<FunctionResultContent>().Count();
        if (done < MaxSearches)
        {
            await next(context);
            return;
        }
        log.LogDebug("The model asked for search {Number}; the limit is {Max}.", done + 1, MaxSearches);
        context.Result = new FunctionResult(context.Function, "No more searches: answer now with the passages you have.");
        context.Terminate = done >= MaxSearches + 2;
    }
}
