using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;

namespace QaBot.Core.Meaning;

/// <summary>
/// Loads the fitted parameters once and says whether the model is in use. When they are missing,
/// malformed or fitted on another embedding model, answering falls back to lexical and the
/// reason is logged and reported by <see cref="Status"/> (the web host's /healthz shows it).
/// </summary>
public sealed class UnderstandingSource
{
    private readonly Lazy<(Understanding? Understanding, string Status)> _loaded;

    public UnderstandingSource(IOptions<UnderstandingOptions> options, QaBotPaths paths, Embedder? embedder = null, ILogger<UnderstandingSource>? log = null)
    {
        var settings = options.Value;
        Embedder = settings.Enabled ? embedder : null;
        var path = paths.Resolve(settings.ParametersPath);
        _loaded = new(() => Load(settings.Enabled, path, Embedder, log ?? NullLogger<UnderstandingSource>.Instance), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Builds a source around parameters already in memory (training and evaluation).</summary>
    internal UnderstandingSource(FittedParameters parameters, Embedder embedder)
    {
        Embedder = embedder;
        _loaded = new((new Understanding(parameters), "model"));
    }

    /// <summary>The embedding model when it is switched on, else null.</summary>
    public Embedder? Embedder { get; }

    /// <summary>"model" when questions are read with the model; otherwise "lexical" and why.</summary>
    public string Status => _loaded.Value.Status;

    /// <summary>Which way questions are answered: "model" or "lexical".</summary>
    public string Mode => _loaded.Value.Understanding is null ? "lexical" : "model";

    internal Understanding? Understanding => _loaded.Value.Understanding;

    private static (Understanding?, string) Load(bool enabled, string path, Embedder? embedder, ILogger log)
    {
        if (!enabled || embedder is null) return (null, "lexical (Understanding:Enabled is false)");
        if (!File.Exists(path))
        {
            log.LogWarning("No fitted parameters at {Path}: answering is lexical. Run `qabot train` to fit them.", path);
            return (null, "lexical (no fitted parameters: run qabot train)");
        }
        try
        {
            var parameters = FittedParameters.Read(path);
            if (parameters.Model != embedder.ModelId)
            {
                log.LogWarning("The fitted parameters are for {Fitted}, the embedding model is {Model}: answering is lexical. Run `qabot train`.", parameters.Model, embedder.ModelId);
                return (null, $"lexical (parameters fitted for {parameters.Model}, model is {embedder.ModelId}: run qabot train)");
            }
            return (new Understanding(parameters), "model");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            log.LogError("The fitted parameters cannot be used ({Reason}): answering is lexical.", e.Message);
            return (null, "lexical (fitted parameters unusable: " + e.Message + ")");
        }
    }
}
