using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

namespace QaBot.Web.Bot;

/// <summary>
/// The Bot Framework adapter: <see cref="CloudAdapter"/> with an error handler that apologises
/// instead of failing the turn, and a way in for the built-in Direct Line channel.
/// </summary>
internal sealed class QaBotAdapter : CloudAdapter
{
    private readonly ClaimsIdentity _channelIdentity;

    public QaBotAdapter(BotFrameworkAuthentication auth, ConversationState state, IOptions<BotCredentialsOptions> credentials, ILogger<QaBotAdapter> log, ILoggerFactory logs)
        // The SDK logs every activity at Information; under its own category, appsettings.json can quiet it.
        : base(auth, logs.CreateLogger<CloudAdapter>())
    {
        var appId = credentials.Value.MicrosoftAppId;
        // The built-in Direct Line authenticates its own clients with its own tokens; its turns run
        // as the bot itself, as a channel the bot trusts would.
        _channelIdentity = !credentials.Value.IsConfigured
            ? new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType)
            : new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);

        OnTurnError = async (turnContext, exception) =>
        {
            log.LogError(exception, "The turn failed for a {Type} activity on {Channel}.", turnContext.Activity.Type, turnContext.Activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong while I was answering. Please try again.");
                // A fresh start: state from a failed turn may be what made it fail.
                await state.DeleteAsync(turnContext);
                // Shown only in the Emulator (CloudAdapter drops trace activities on other channels).
                await turnContext.SendActivityAsync(Activity.CreateTraceActivity("OnTurnError", "https://www.botframework.com/schemas/error", exception.GetType().Name, "TurnError"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Could not tell the user that the turn failed.");
            }
        };
    }

    /// <summary>
    /// Runs one turn for an activity the built-in Direct Line received. Every activity the bot
    /// sends is handed to <paramref name="sent"/> as it is sent (the typing indicator before the
    /// answer); nothing goes out over the network, since the replies are expected in the turn.
    /// </summary>
    public Task ProcessDirectLineAsync(Activity activity, IBot bot, Func<Activity, Task> sent, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return ContinueConversationAsync(_channelIdentity, activity, async (turnContext, ct) =>
        {
            turnContext.OnSendActivities(async (_, activities, next) =>
            {
                foreach (var reply in activities.Where(a => a.Type != ActivityTypes.Trace)) await sent(reply);
                return await next();
            });
            await bot.OnTurnAsync(turnContext, ct);
        }, cancellationToken);
    }
}
