using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;
using QaBot.Web.Store;

namespace QaBot.Web.DirectLine;

/// <summary>What a token says about a request.</summary>
internal enum TokenValidity
{
    /// <summary>Signed here, not expired: <see cref="TokenCheck.ConversationId"/> says which conversation it opens.</summary>
    Valid,
    /// <summary>No bearer token at all.</summary>
    Missing,
    /// <summary>Not a token signed with this deployment's key.</summary>
    Invalid,
    /// <summary>Signed here, but past its lifetime.</summary>
    Expired,
}

/// <summary>A token's verdict, its conversation and the person it was issued to.</summary>
internal readonly record struct TokenCheck(TokenValidity Status, string? ConversationId, string? UserId = null);

/// <summary>
/// Conversation tokens: HMAC-SHA256-signed, expiring, and bound to one conversation (and the person it
/// was issued to), so a token opens its own conversation and no other. No state is kept per token; the
/// signature is the proof. The key is DirectLine:TokenSigningKey when set, else the conversation store's,
/// so on Redis every instance accepts every instance's tokens, across restarts.
/// </summary>
internal sealed class ConversationTokens
{
    private const string Version = "dl1";
    private readonly byte[]? _configured;
    private readonly ITokenKeys _keys;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ConversationTokens(IOptions<DirectLineOptions> options, ITokenKeys keys, TimeProvider time)
    {
        var configured = options.Value.TokenSigningKey;
        _configured = string.IsNullOrEmpty(configured) ? null : Encoding.UTF8.GetBytes(configured);
        _keys = keys;
        _lifetime = options.Value.TokenLifetime;
        _time = time;
    }

    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    /// <summary>A fresh token for one conversation and its person.</summary>
    public async Task<string> IssueAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Version + "." + Base64Url(Encoding.UTF8.GetBytes(conversationId + "|" + expires + "|" + userId));
        return payload + "." + Base64Url(Sign(await KeyAsync(cancellationToken), payload));
    }

    /// <summary>Reads an <c>Authorization: Bearer</c> header.</summary>
    public async Task<TokenCheck> CheckAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization)) return new(TokenValidity.Missing, null);
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return new(TokenValidity.Invalid, null);
        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Version) return new(TokenValidity.Invalid, null);
        var signature = FromBase64Url(parts[2]);
        var body = FromBase64Url(parts[1]);
        if (signature is null || body is null) return new(TokenValidity.Invalid, null);
        var expected = Sign(await KeyAsync(cancellationToken), parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(signature, expected)) return new(TokenValidity.Invalid, null);
        // conversation|expires|user (the user may hold '|'; tokens from before it had none).
        var fields = Encoding.UTF8.GetString(body).Split('|', 3);
        if (fields.Length < 2 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return new(TokenValidity.Invalid, null);
        var user = fields.Length == 3 && fields[2].Length > 0 ? fields[2] : null;
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires
            ? new(TokenValidity.Expired, fields[0], user)
            : new(TokenValidity.Valid, fields[0], user);
    }

    private ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        _configured is not null ? ValueTask.FromResult(_configured) : _keys.CurrentAsync(cancellationToken);

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Length > 512) return null;
        try { return System.Buffers.Text.Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return null; }
    }
}
