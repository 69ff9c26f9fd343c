using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace QaBot.Ai;

/// <summary>Whether a model is configured and whether its service answers, for /healthz.</summary>
public sealed record ModelStatus(bool Configured, bool Reachable);

/// <summary>A cheap, cached check of the model's service.</summary>
public interface IModelHealth
{
    Task<ModelStatus> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>No model configured: nothing to reach.</summary>
internal sealed class NoModelHealth : IModelHealth
{
    public Task<ModelStatus> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult(new ModelStatus(false, false));
}

/// <summary>
/// Lists the service's models (GET /models; Azure OpenAI: /openai/models), which costs no tokens,
/// at most once every <see cref="CacheFor"/>; concurrent callers share one check. Only the first
/// call waits for an answer: later ones get the last result at once while a stale one is checked
/// again, so /healthz stays fast when the model's service is slow or down.
/// </summary>
public sealed class ModelHealth : IModelHealth, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string AzureApiVersion = "2024-10-21";

    private readonly AiServicesOptions _options;
    private readonly ILogger<ModelHealth> _log;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private Task<bool>? _check;
    private DateTimeOffset _checkedAt;
    private bool? _last;

    public ModelHealth(AiServicesOptions options, ILogger<ModelHealth> log, TimeProvider? clock = null)
    {
        _options = options;
        _log = log;
        _clock = clock ?? TimeProvider.System;
        _http = new HttpClient { Timeout = options.Timeout < TimeSpan.FromSeconds(5) ? options.Timeout : TimeSpan.FromSeconds(5) };
    }

    public async Task<ModelStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        Task<bool> check;
        bool? last;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_check is null || (_check.IsCompleted && now - _checkedAt >= CacheFor))
            {
                _checkedAt = now;
                _check = ProbeAsync();
            }
            (check, last) = (_check, _last);
        }
        return new ModelStatus(true, check.IsCompleted || last is null ? await check.WaitAsync(cancellationToken) : last.Value);
    }

    /// <summary>The address that lists models, and the request to send there.</summary>
    internal HttpRequestMessage Request()
    {
        HttpRequestMessage request;
        if (_options.IsAzure)
        {
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(WithSlash(_options.EndpointUri!), $"openai/models?api-version={AzureApiVersion}"));
            request.Headers.Add("api-key", _options.ApiKey.Trim());
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(WithSlash(_options.EndpointUri ?? new Uri("https://api.openai.com/v1")), "models"));
            if (!string.IsNullOrWhiteSpace(_options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey.Trim());
        }
        return request;
    }

    private async Task<bool> ProbeAsync()
    {
        bool reachable;
        string reason;
        try
        {
            using var request = Request();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            reachable = response.IsSuccessStatusCode;
            reason = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            reachable = false;
            reason = e.GetType().Name + ": " + e.Message;
        }
        lock (_gate)
        {
            if (_last != reachable)
            {
                if (reachable) _log.LogInformation("The model's service answers.");
                else _log.LogWarning("The model's service cannot be reached ({Reason}); answers fall back to quoting alone.", reason);
            }
            _last = reachable;
        }
        return reachable;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    public void Dispose() => _http.Dispose();
}
