using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;

namespace QaBot.Core.Tests;

/// <summary>Paths of the real project, and answerers over its documents with an index of their own.</summary>
internal static class TestCorpus
{
    public static string Root { get; } = QaBotRoot.Find();

    public static string Documents => Path.Combine(Root, "index", "documents");

    public static string Article => File.ReadAllText(Path.Combine(Documents, "kratom-opioid-withdrawal.txt"));

    /// <summary>Question sets kept with the tests (copies of the development and training evaluation questions), so a fresh clone needs nothing beside it.</summary>
    public static string QuestionSets => Path.Combine(Root, "tests", "Shared", "Data");

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "qabot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The real pipeline as hosts get it, over <paramref name="documents"/>, indexing into a new temporary folder.</summary>
    public static ServiceProvider Services(string? documents = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Corpus:DocumentsPath"] = documents ?? Documents,
            ["Index:Path"] = Path.Combine(NewTempFolder(), "lucene"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddQaBotCore(Root);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static IQuestionAnswerer Answerer(ServiceProvider services) => services.GetRequiredService<IQuestionAnswerer>();
}

/// <summary>One answerer over the real article, shared by a test class.</summary>
public sealed class ArticleFixture : IDisposable
{
    private readonly ServiceProvider _services = TestCorpus.Services();

    public IQuestionAnswerer Answerer => TestCorpus.Answerer(_services);

    public IServiceProvider Services => _services;

    public string Advisory => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SafetyOptions>>().Value.Advisory;

    public Reply Ask(string? question, int skip = 0) => Answerer.AnswerAsync(question, skip).GetAwaiter().GetResult();

    public void Dispose() => _services.Dispose();
}
