using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using QaBot.Core.Answering;

namespace QaBot.Ai;

/// <summary>
/// Asks the chat model for a lead-in and the ids (or exact spans) to quote. It only proposes:
/// the core verifies every citation and assembles the reply. A timeout, a failed call or an
/// answer that is not the asked-for JSON throws, and the core gives the extractive answer.
/// </summary>
public sealed class ModelDraftComposer(ModelKernel model, AiServicesOptions options, ILogger<ModelDraftComposer> log) : IDraftComposer
{
    public string Name => "model";

    public async Task<Draft> DraftAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var arguments = new KernelArguments(model.Settings)
        {
            ["question"] = question,
            ["passages"] = PassageLines.Render(passages),
        };
        string? answer;
        try
        {
            var result = await model.Kernel.InvokeAsync(model.Compose, arguments, timeout.Token);
            answer = result.GetValue<string>();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the model did not answer within {options.Timeout}");
        }
        try
        {
            return DraftJson.Parse(answer);
        }
        catch (FormatException e)
        {
            log.LogWarning("The model's answer could not be read ({Reason}); it began: {Start}", e.Message, DraftJson.Preview(answer));
            throw;
        }
    }
}
