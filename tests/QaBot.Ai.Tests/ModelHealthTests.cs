using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace QaBot.Ai.Tests;

/// <summary>The health check behind /healthz: cheap, cached, and honest when the service is down.</summary>
public sealed class ModelHealthTests
{
    private static ModelHealth Health(string endpoint, string provider = "OpenAI", TimeProvider? clock = null) => new(new AiServicesOptions
    {
        Provider = provider,
        Endpoint = endpoint,
        ModelId = "fake-model",
        ApiKey = "test-key",
        Timeout = TimeSpan.FromSeconds(2),
    }, NullLogger<ModelHealth>.Instance, clock);

    [Fact]
    public async Task AServiceThatListsItsModelsIsReachableAndAskedOnlyOnceInAWhile()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelServer.CitesWhatItIsGiven);
        var clock = new ManualClock();
        using var health = Health(server.OpenAIEndpoint, clock: clock);

        Assert.Equal(new ModelStatus(true, true), await health.CheckAsync());
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => health.CheckAsync()));
        Assert.Equal(1, server.ModelListings);

        clock.Advance(ModelHealth.CacheFor);
        server.ModelsStatus = 401;
        var status = await health.CheckAsync(); // the last result, at once, unless the new one is already in
        for (var tries = 0; status.Reachable && tries < 100; tries++)
        {
            await Task.Delay(20);
            status = await health.CheckAsync();
        }
        Assert.Equal(new ModelStatus(true, false), status);
        Assert.Equal(2, server.ModelListings);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AzureOpenAIIsCheckedWithItsKeyHeader()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelServer.CitesWhatItIsGiven);
        using var health = Health(server.BaseUrl, "AzureOpenAI");
        using var request = health.Request();
        Assert.Equal(server.BaseUrl + "/openai/models?api-version=2024-10-21", request.RequestUri!.AbsoluteUri);
        Assert.Equal("test-key", request.Headers.GetValues("api-key").Single());
        Assert.True((await health.CheckAsync()).Reachable);
    }

    [Fact]
    public async Task NothingListeningIsNotReachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var health = Health($"http://127.0.0.1:{port}/v1");
        Assert.Equal(new ModelStatus(true, false), await health.CheckAsync());
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
