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
    /// How many of the best passages to pass over, for "tell me more" on the same question.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<Reply> AnswerAsync(string? question, int skip = 0, CancellationToken cancellationToken = default);
}
