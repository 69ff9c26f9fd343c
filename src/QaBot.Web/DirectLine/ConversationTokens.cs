using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QaBot.Web.Hosting;

namespace QaBot.Web.DirectLine;

/// <summary>What a token says about a request.</summary>
internal enum TokenValidity
{
    /// <summary>Signed by this host, not expired: <see cref="TokenCheck.ConversationId"/> says which conversation it opens.</summary>
    Valid,
    /// <summary>No bearer token at all.</summary>
    Missing,
    /// <summary>Not a token this host signed.</summary>
    Invalid,
    /// <summary>Signed here, but past its lifetime.</summary>
    Expired,
}

internal readonly record struct TokenCheck(TokenValidity Status, string? ConversationId);

/// <summary>
/// Conversation tokens: HMAC-SHA256-signed, expiring, and bound to one conversation, so a token
/// opens its own conversation and no other. No state is kept; the signature is the proof.
/// </summary>
internal sealed class ConversationTokens
{
    private const string Version = "dl1";
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ConversationTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var configured = options.Value.TokenSigningKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
        _lifetime = options.Value.TokenLifetime;
        _time = time;
    }

    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    /// <summary>A fresh token for one conversation.</summary>
    public string Issue(string conversationId)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        var payload = Version + "." + Base64Url(Encoding.UTF8.GetBytes(conversationId + "|" + expires.ToString(CultureInfo.InvariantCulture)));
        return payload + "." + Base64Url(Sign(payload));
    }

    /// <summary>Reads an <c>Authorization: Bearer</c> header.</summary>
    public TokenCheck Check(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization)) return new(TokenValidity.Missing, null);
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return new(TokenValidity.Invalid, null);
        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Version) return new(TokenValidity.Invalid, null);
        var signature = FromBase64Url(parts[2]);
        var body = FromBase64Url(parts[1]);
        if (signature is null || body is null || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
            return new(TokenValidity.Invalid, null);
        var fields = Encoding.UTF8.GetString(body).Split('|');
        if (fields.Length != 2 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return new(TokenValidity.Invalid, null);
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires
            ? new(TokenValidity.Expired, fields[0])
            : new(TokenValidity.Valid, fields[0]);
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Length > 512) return null;
        try { return System.Buffers.Text.Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return null; }
    }
}
