using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Benchmarks;

/// <summary>
/// The answering core exactly as the hosts register it (root appsettings.json, AddQaBotCore), over a
/// chosen documents folder and index folder, with logging off.
/// </summary>
internal sealed class Pipeline : IDisposable
{
    private readonly ServiceProvider _services;

    private Pipeline(ServiceProvider services) => _services = services;

    /// <summary>The project root: appsettings.json, index/documents and index/synonyms.txt.</summary>
    public static string Root { get; } = QaBotRoot.Find();

    /// <summary>The article the bot answers from.</summary>
    public static string ArticleFolder => Path.Combine(Root, "index", "documents");

    public IQuestionAnswerer Answerer => _services.GetRequiredService<IQuestionAnswerer>();

    public IndexStore Index => _services.GetRequiredService<IndexStore>();

    public QaBot.Core.Meaning.Embedder Embedder => _services.GetRequiredService<QaBot.Core.Meaning.Embedder>();

    internal Synonyms Synonyms => _services.GetRequiredService<SynonymSource>().Synonyms;

    public AnsweringOptions Answering => _services.GetRequiredService<IOptions<AnsweringOptions>>().Value;

    public SafetyOptions Safety => _services.GetRequiredService<IOptions<SafetyOptions>>().Value;

    /// <summary>
    /// The pipeline over <paramref name="documents"/>, indexed into <paramref name="index"/>; with
    /// <paramref name="replyCache"/> false every question is answered afresh, which is what the
    /// benchmarks of answer cost measure.
    /// </summary>
    /// <param name="model">Whether questions are read with the embedding model and the fitted models (the default) or lexically.</param>
    public static Pipeline Over(string documents, string index, bool replyCache = false, bool model = true)
    {
        var settings = new Dictionary<string, string?> { ["Corpus:DocumentsPath"] = documents, ["Index:Path"] = index, ["Understanding:Enabled"] = model ? "true" : "false" };
        if (!replyCache) settings["Answering:ReplyCache"] = "0";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        return new Pipeline(new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddQaBotCore(Root)
            .BuildServiceProvider());
    }

    /// <summary>A fresh folder under the benchmarks' scratch folder.</summary>
    public static string Scratch(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "qabot-bench", name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _services.Dispose();
}
