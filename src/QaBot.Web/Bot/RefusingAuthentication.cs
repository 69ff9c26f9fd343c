using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace QaBot.Web.Bot;

/// <summary>
/// The SDK's authentication, with every way a token can fail to validate turned into the
/// <see cref="UnauthorizedAccessException"/> that <c>CloudAdapter</c> answers with 401. The SDK
/// lets some failures escape as other exceptions (a 500): a token it cannot decode, or signing
/// keys it cannot fetch (no network, or Microsoft's endpoints unreachable). Only the
/// authentication step is wrapped, so errors in the bot's turn are never mistaken for a bad token.
/// </summary>
internal sealed class RefusingAuthentication(BotFrameworkAuthentication inner, ILogger log) : BotFrameworkAuthentication
{
    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        RefuseFailuresAsync(() => inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        RefuseFailuresAsync(() => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        RefuseFailuresAsync(() => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => inner.CreateConnectorFactory(claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    private async Task<T> RefuseFailuresAsync<T>(Func<Task<T>> authenticate)
    {
        try
        {
            return await authenticate();
        }
        catch (Exception e) when (IsValidationFailure(e))
        {
            log.LogWarning("Refused a request whose token could not be validated ({Reason}: {Message}).", e.GetType().Name, e.Message);
            throw new UnauthorizedAccessException("The request's token could not be validated.", e);
        }
    }

    /// <summary>
    /// What token validation throws: IdentityModel's token errors, a token or header the SDK cannot
    /// parse (ArgumentException), and signing keys or metadata that cannot be had
    /// (InvalidOperationException, HttpRequestException). Cancellation and disposal pass through.
    /// </summary>
    private static bool IsValidationFailure(Exception e) => e switch
    {
        ObjectDisposedException => false,
        SecurityTokenException or ArgumentException or InvalidOperationException or HttpRequestException => true,
        _ => false,
    };
}
