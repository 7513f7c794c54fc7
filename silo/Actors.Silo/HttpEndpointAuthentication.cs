using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Silo;

/// <summary>
/// Middleware that answers 401 to requests for <c>/dashboard</c> and <c>/metrics</c> without a configured HTTP Basic user or
/// bearer API key. The dashboard has no authentication of its own, so this is what keeps cluster internals (grain
/// activity, silo addresses) away from anyone who can reach the port.
/// </summary>
public sealed class HttpEndpointAuthentication
{
    private static readonly PathString[] ProtectedPaths = ["/dashboard", "/metrics"];

    private readonly RequestDelegate _next;
    // Hashes compared with FixedTimeEquals: equal-length digests make the comparison's duration independent of the secret.
    private readonly Dictionary<string, byte[]> _users;
    private readonly byte[][] _apiKeys;

    /// <summary>Creates the middleware for the configured <paramref name="options"/>.</summary>
    public HttpEndpointAuthentication(RequestDelegate next, HttpAuthenticationOptions options)
    {
        _next = next;
        _users = options.Users.ToDictionary(u => u.Key, u => Digest(u.Value), StringComparer.Ordinal);
        _apiKeys = options.ApiKeys.Where(k => !string.IsNullOrEmpty(k)).Select(Digest).ToArray();
    }

    /// <summary>Lets the request through when its path is open or its credentials match; otherwise answers 401.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsProtected(context.Request.Path) || IsAuthenticated(context.Request.Headers.Authorization))
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = new[] { "Basic realm=\"actors\", charset=\"UTF-8\"", "Bearer realm=\"actors\"" };
        return Task.CompletedTask;
    }

    private static bool IsProtected(PathString path) =>
        ProtectedPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private bool IsAuthenticated(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || string.IsNullOrEmpty(header.Parameter))
        {
            return false;
        }
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var presented = Digest(header.Parameter);
            return _apiKeys.Aggregate(false, (match, key) => CryptographicOperations.FixedTimeEquals(key, presented) | match);
        }
        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return IsKnownUser(header.Parameter);
        }
        return false;
    }

    private bool IsKnownUser(string encoded)
    {
        // Base64 never decodes to more bytes than characters, so the buffer is always large enough.
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return false;
        }
        var decoded = Encoding.UTF8.GetString(bytes, 0, length);
        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        return separator > 0
            && _users.TryGetValue(decoded[..separator], out var expected)
            && CryptographicOperations.FixedTimeEquals(expected, Digest(decoded[(separator + 1)..]));
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
