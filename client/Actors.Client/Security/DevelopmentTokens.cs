using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Actors.Client.Security;

/// <summary>
/// Mints HS256 JSON Web Tokens the Actors gateway accepts: <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>tenant</c> (the one tenant
/// the caller may touch), <c>scope</c> (space-separated), <c>iat</c>/<c>nbf</c>/<c>exp</c>, and the signing key's id in the
/// <c>kid</c> header so keys can rotate. Meant for development and tests: production tokens come from an identity provider
/// whose keys the gateway is configured with.
/// </summary>
/// <remarks>
/// Written on System.Security.Cryptography alone so the SDK (and the CLI over it) need no JWT library; the gateway
/// validates these tokens with the standard ASP.NET Core JWT bearer handler.
/// </remarks>
public static class DevelopmentTokens
{
    /// <summary>The claim naming the caller's tenant.</summary>
    public const string TenantClaim = "tenant";

    /// <summary>The claim holding the caller's scopes, space-separated.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Issuer the gateway expects unless configured otherwise.</summary>
    public const string DefaultIssuer = "actors-dev";

    /// <summary>Audience the gateway expects unless configured otherwise.</summary>
    public const string DefaultAudience = "actors-gateway";

    /// <summary>Key id of the gateway's development signing key.</summary>
    public const string DefaultKeyId = "dev-1";

    /// <summary>Shortest HS256 key accepted, in bytes (256 bits, as RFC 7518 requires).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Mints a signed token for <paramref name="tenant"/> with <paramref name="scopes"/>, valid for <paramref name="ttl"/>.</summary>
    /// <param name="tenant">The only tenant the bearer may touch.</param>
    /// <param name="scopes">Scopes such as <c>read</c>, <c>billing:write</c>; none is allowed (the token then authorizes nothing).</param>
    /// <param name="ttl">Lifetime from <paramref name="now"/>; must be positive.</param>
    /// <param name="signingKey">The HS256 key, at least <see cref="MinimumKeyBytes"/> bytes.</param>
    /// <param name="keyId">The key's id, written as the <c>kid</c> header.</param>
    /// <param name="issuer">The <c>iss</c> claim.</param>
    /// <param name="audience">The <c>aud</c> claim.</param>
    /// <param name="subject">The <c>sub</c> claim (the client the gateway rate-limits by); defaults to <c>dev:{tenant}</c>.</param>
    /// <param name="now">Issue time; defaults to the current time (tests pass a past time to mint an expired token).</param>
    /// <returns>The compact token, <c>header.payload.signature</c>.</returns>
    /// <exception cref="ArgumentException">for an empty tenant, issuer, audience or key id, a scope with whitespace, a short key or a non-positive ttl.</exception>
    public static string Issue(
        string tenant,
        IEnumerable<string> scopes,
        TimeSpan ttl,
        byte[] signingKey,
        string keyId = DefaultKeyId,
        string issuer = DefaultIssuer,
        string audience = DefaultAudience,
        string? subject = null,
        DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"the token lifetime must be positive (was {ttl}).", nameof(ttl));
        }
        if (signingKey.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"an HS256 signing key must be at least {MinimumKeyBytes} bytes (was {signingKey.Length}).", nameof(signingKey));
        }
        var scopeList = scopes.ToList();
        if (scopeList.Any(s => string.IsNullOrEmpty(s) || s.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("a scope must be non-empty and contain no whitespace.", nameof(scopes));
        }

        var issuedAt = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var header = Json(writer =>
        {
            writer.WriteString("alg", "HS256");
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", keyId);
        });
        var payload = Json(writer =>
        {
            writer.WriteString("iss", issuer);
            writer.WriteString("aud", audience);
            writer.WriteString("sub", subject ?? $"dev:{tenant}");
            writer.WriteString(TenantClaim, tenant);
            writer.WriteString(ScopeClaim, string.Join(' ', scopeList));
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("nbf", issuedAt);
            writer.WriteNumber("exp", issuedAt + (long)Math.Ceiling(ttl.TotalSeconds));
            writer.WriteString("jti", Guid.NewGuid().ToString("N"));
        });
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}";
        var signature = HMACSHA256.HashData(signingKey, System.Text.Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>A fresh random HS256 key, base64-encoded, for a development key file or the gateway's configuration.</summary>
    /// <returns><see cref="MinimumKeyBytes"/> random bytes as base64.</returns>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
