namespace QaBot.Core.Answering;

/// <summary>
/// The one entry point for answering. Every host (CLI, HTTP API, bot, Direct Line) calls this,
/// so they can never disagree about what a question gets.
/// </summary>
public interface IQuestionAnswerer
{
    /// <summary>Answers one question.</summary>
    /// <param name="question">What the person typed; any text, including empty or hostile input.</param>
    /// <param name="skip">
    /// How many quotes of this question's answer were already shown, for "tell me more": the
    /// reply continues with the next quotes and never repeats a sentence.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default);
}
