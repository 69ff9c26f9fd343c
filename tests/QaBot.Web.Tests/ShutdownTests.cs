using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Core.Answering;
using QaBot.Web.Store;

namespace QaBot.Web.Tests;

/// <summary>An answerer that holds every question at a gate until the test opens it.</summary>
internal sealed class GatedAnswerer(IQuestionAnswerer inner, TaskCompletionSource entered, Task open) : IQuestionAnswerer
{
    public async Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default)
    {
        entered.TrySetResult();
        await open;
        return await inner.AnswerAsync(question, skip, cancellationToken);
    }
}

/// <summary>
/// Graceful shutdown: a request in flight when the host is told to stop still completes with its
/// answer. The answer is held at a gate until the host has stopped taking new connections, so
/// the request is surely in flight while the host stops.
/// </summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly QaBotFactory _factory;
    private readonly HttpClient _http;

    public ShutdownTests()
    {
        _factory = new QaBotFactory(new Dictionary<string, string?> { ["Hosting:ShutdownTimeout"] = "00:02:00" }, loopback: true, services: Gate);
        _http = new HttpClient { BaseAddress = _factory.StartLoopback() };
    }

    public void Dispose()
    {
        _open.TrySetResult();
        _http.Dispose();
        _factory.Dispose();
    }

    /// <summary>Wraps whichever answerer the host registered in the gate.</summary>
    private void Gate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IQuestionAnswerer));
        services.Remove(registered);
        services.AddSingleton<IQuestionAnswerer>(sp => new GatedAnswerer(
            registered.ImplementationInstance as IQuestionAnswerer
                ?? registered.ImplementationFactory?.Invoke(sp) as IQuestionAnswerer
                ?? (IQuestionAnswerer)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            _entered, _open.Task));
    }

    /// <summary>Sends a request, stops the host while its answer waits at the gate, then lets the answer through.</summary>
    private async Task<HttpResponseMessage> StopWhileInFlightAsync(Func<Task<HttpResponseMessage>> send)
    {
        var sending = send();
        await _entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = _factory.Host.StopAsync();
        await RefusesNewConnectionsAsync(_http.BaseAddress!);
        Assert.False(sending.IsCompleted);
        _open.SetResult();

        var response = await sending;
        await stopping;
        return response;
    }

    /// <summary>Waits until nothing listens on the host's port any more: it is stopping.</summary>
    private static async Task RefusesNewConnectionsAsync(Uri address)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(address.Host, address.Port, deadline.Token);
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(20, deadline.Token);
        }
    }

    [Fact]
    public void The_shutdown_timeout_comes_from_configuration() =>
        Assert.Equal(TimeSpan.FromMinutes(2), _factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

    [Fact]
    public async Task A_question_in_flight_on_api_ask_is_answered_while_the_host_stops()
    {
        var response = await StopWhileInFlightAsync(() =>
            _http.PostAsync("api/ask", new StringContent("""{"question": "Can kratom cause hair loss?"}""", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("answered", reply.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_question_in_flight_on_api_messages_is_answered_while_the_host_stops()
    {
        var response = await StopWhileInFlightAsync(() =>
            _http.PostAsync("api/messages", new StringContent(MessagesEndpointTests.Activity("Can kratom cause hair loss?"), Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var answer = body.RootElement.GetProperty("activities").EnumerateArray().Last();
        Assert.Contains("\n\n> ", answer.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_question_in_flight_on_the_direct_line_is_answered_and_kept_while_the_host_stops()
    {
        var conversation = await DirectLineClient.StartAsync(_http);
        // Resolved now: once stopped, the host disposes its services.
        var store = _factory.Services.GetRequiredService<IConversationStore>();

        var response = await StopWhileInFlightAsync(() =>
            conversation.SendActivityAsync(new StringContent("""{"type": "message", "text": "Can kratom cause hair loss?"}""", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        // The host no longer serves polls; the answer is in the conversation for when it would.
        var answer = JsonDocument.Parse((await store.ReadAfterAsync(conversation.ConversationId, 0, default))!.Activities[^1]).RootElement;
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        Assert.Contains("\n\n> ", answer.GetProperty("text").GetString());
    }
}
