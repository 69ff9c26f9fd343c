namespace QaBot.Ai;

/// <summary>
/// The embedding model (section "AIServices:Embeddings"). "Local", the default, is all-MiniLM-L6-v2
/// in process; "OpenAI" is any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama at
/// http://localhost:11434/v1, LM Studio, vLLM); "AzureOpenAI" an Azure OpenAI deployment. The fitted
/// models belong to one embedding model: after switching, run <c>qabot train</c>.
/// </summary>
public sealed class EmbeddingServiceOptions
{
    public const string Section = "AIServices:Embeddings";

    public const string Local = "Local";

    public string Provider { get; set; } = Local;

    /// <summary>The service's base address (for OpenAI itself, empty).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The embedding model, or for Azure OpenAI the deployment.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Set it through the environment or user-secrets, never in the file. Local servers need none.</summary>
    public string ApiKey { get; set; } = "";

    public bool IsRemote => !string.Equals(Provider?.Trim(), Local, StringComparison.OrdinalIgnoreCase);

    public bool IsAzure => string.Equals(Provider?.Trim(), AiServicesOptions.AzureOpenAI, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with these settings, as sentences a person can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsRemote) return problems;
        if (!IsAzure && !string.Equals(Provider?.Trim(), AiServicesOptions.OpenAI, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{Section}:Provider '{Provider}' is not known: use \"{Local}\", \"{AiServicesOptions.OpenAI}\" (any OpenAI-compatible endpoint, Ollama too) or \"{AiServicesOptions.AzureOpenAI}\".");
        if (string.IsNullOrWhiteSpace(ModelId)) problems.Add($"{Section}:ModelId is required for a remote embedding model.");
        if (!string.IsNullOrWhiteSpace(Endpoint) && (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            problems.Add($"{Section}:Endpoint '{Endpoint}' is not an http(s) address.");
        if (IsAzure && string.IsNullOrWhiteSpace(Endpoint)) problems.Add($"{Section}:Endpoint is required for Azure OpenAI.");
        if (string.IsNullOrWhiteSpace(ApiKey) && (IsAzure || string.IsNullOrWhiteSpace(Endpoint)))
            problems.Add($"{Section}:ApiKey is empty: set it through the environment (AIServices__Embeddings__ApiKey) or user-secrets.");
        return problems;
    }
}
