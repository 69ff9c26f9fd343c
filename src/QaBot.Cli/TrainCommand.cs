using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Core.Hosting;
using QaBot.Core.Meaning;
using QaBot.Core.Search;
using QaBot.Core.Training;

namespace QaBot.Cli;

/// <summary>
/// <c>qabot train</c>: the questions under training/questions are asked of the documents; each
/// folder under training/corpora (documents/ and questions*.json) is a corpus of its own, read
/// together with the documents. Files named with --with are trained on too; --held-out files are
/// only scored.
/// </summary>
internal static class TrainCommand
{
    public const string Article = "article";

    public static async Task<int> RunAsync(IServiceProvider services, string[] options, TextWriter output, TextWriter error)
    {
        var paths = services.GetRequiredService<QaBotPaths>();
        var documents = paths.Resolve(services.GetRequiredService<IOptions<CorpusOptions>>().Value.DocumentsPath);
        var training = paths.Resolve("training");
        var corpora = new Dictionary<string, IReadOnlyList<string>> { [Article] = [documents] };
        var files = Directory.EnumerateFiles(Path.Combine(training, "questions"), "*.json").Order(StringComparer.Ordinal).Select(f => (f, Article)).ToList();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(training, "corpora")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            corpora[name] = [documents, Path.Combine(folder, "documents")];
            files.AddRange(Directory.EnumerateFiles(folder, "questions*.json").Order(StringComparer.Ordinal).Select(f => (f, name)));
        }
        var heldOut = new List<(string, string)>();
        var folds = 5;
        var ablations = false;
        string? misses = null;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--folds" when i + 1 < options.Length && int.TryParse(options[i + 1], out var n) && n >= 2: folds = n; i++; break;
                case "--ablations": ablations = true; break;
                case "--misses" when i + 1 < options.Length: misses = Path.GetFullPath(options[++i]); break;
                case "--with" when i + 1 < options.Length: files.Add((Path.GetFullPath(options[++i]), Article)); break;
                case "--held-out" when i + 1 < options.Length: heldOut.Add((Path.GetFullPath(options[++i]), Article)); break;
                default:
                    await error.WriteLineAsync($"qabot train: unknown option '{options[i]}'.");
                    return 64;
            }
        }
        var parametersPath = paths.Resolve(services.GetRequiredService<IOptions<UnderstandingOptions>>().Value.ParametersPath);
        // Vectors are kept between runs beside the index, per model, so retraining embeds only new text.
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "model";
        var cache = new EmbeddingCache(generator, Path.Combine(paths.Resolve(services.GetRequiredService<IOptions<IndexOptions>>().Value.Path), $"training-vectors-{model}.bin"));
        Directory.CreateDirectory(Path.GetDirectoryName(cache.Path)!);
        var trainer = new ModelTrainer(new Embedder(cache), services.GetRequiredService<SynonymSource>(),
            services.GetRequiredService<IOptions<AnsweringOptions>>().Value, services.GetRequiredService<IOptions<SafetyOptions>>().Value,
            services.GetRequiredService<EmergencyPatternSource>());
        try
        {
            await trainer.TrainAsync(new TrainingPlan(corpora, files, heldOut, parametersPath, folds, ablations, misses), output);
        }
        finally
        {
            cache.Save();
        }
        return 0;
    }
}
