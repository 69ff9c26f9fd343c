namespace QaBot.Ai;

/// <summary>
/// The optional chat model (section "AIServices"). Empty <see cref="ModelId"/> means no model:
/// the extractive answers stand alone and nothing here is registered.
/// </summary>
public sealed class AiServicesOptions
{
    public const string Section = "AIServices";

    /// <summary>Any OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM).</summary>
    public const string OpenAI = "OpenAI";

    /// <summary>An Azure OpenAI resource, where <see cref="ModelId"/> names the deployment.</summary>
    public const string AzureOpenAI = "AzureOpenAI";

    /// <summary>"OpenAI" (also "OpenAICompatible") or "AzureOpenAI".</summary>
    public string Provider { get; set; } = OpenAI;

    /// <summary>
    /// The service's base address: for an OpenAI-compatible server the one that ends in /v1
    /// (e.g. http://localhost:11434/v1 for Ollama; empty means OpenAI itself); for Azure OpenAI
    /// the resource's address (https://NAME.openai.azure.com/).
    /// </summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The chat model (Azure OpenAI: the deployment name). Empty turns the model off.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>The API key: set it through an environment variable or user-secrets, never in the file. Local servers need none.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long one answer may wait for the model (searches included) before the extractive answer is given instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Sampling temperature; 0 keeps quoting steady. Empty sends none (some reasoning models accept only their default).</summary>
    public double? Temperature { get; set; } = 0;

    /// <summary>Whether the model may call the article search (a tool); turn it off for a model without tool support.</summary>
    public bool AllowSearch { get; set; } = true;

    /// <summary>Whether a model is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ModelId);

    public bool IsAzure => string.Equals(Provider?.Trim(), AzureOpenAI, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with these settings, as sentences a person can act on; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var provider = Provider?.Trim() ?? "";
        if (provider.Length > 0 && !IsAzure
            && !string.Equals(provider, OpenAI, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(provider, "OpenAICompatible", StringComparison.OrdinalIgnoreCase))
            problems.Add($"AIServices:Provider '{provider}' is not known: use \"{OpenAI}\" (any OpenAI-compatible endpoint: OpenAI, Ollama, LM Studio, vLLM) or \"{AzureOpenAI}\".");
        if (!IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(Endpoint)) problems.Add("AIServices:Endpoint is set but AIServices:ModelId is empty: name the model (Azure OpenAI: the deployment), or clear the endpoint to answer without a model.");
            return problems;
        }
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            problems.Add($"AIServices:Endpoint '{Endpoint}' is not an http(s) address.");
        if (IsAzure && string.IsNullOrWhiteSpace(Endpoint)) problems.Add("AIServices:Endpoint is required for Azure OpenAI (https://NAME.openai.azure.com/).");
        if (string.IsNullOrWhiteSpace(ApiKey) && (IsAzure || string.IsNullOrWhiteSpace(Endpoint)))
            problems.Add("AIServices:ApiKey is empty: set it through the environment (AIServices__ApiKey, or QABOT_AIServices__ApiKey for the qabot CLI) or user-secrets.");
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10)) problems.Add("AIServices:Timeout must be more than zero and at most 00:10:00.");
        if (Temperature is < 0 or > 2) problems.Add("AIServices:Temperature must be between 0 and 2, or empty.");
        return problems;
    }

    /// <summary>The OpenAI-compatible base address, or null for OpenAI's own.</summary>
    internal Uri? EndpointUri => string.IsNullOrWhiteSpace(Endpoint) ? null : new Uri(Endpoint.Trim());
}
