using Actors.Client.Security;

namespace Actors.Gateway.Configuration;

/// <summary>The <c>Gateway:Jwt</c> section: what a bearer token must satisfy.</summary>
public sealed class GatewayJwtOptions
{
    /// <summary>Required <c>iss</c>.</summary>
    public string Issuer { get; set; } = DevelopmentTokens.DefaultIssuer;

    /// <summary>Required <c>aud</c>.</summary>
    public string Audience { get; set; } = DevelopmentTokens.DefaultAudience;

    /// <summary>Tolerated clock difference when checking <c>exp</c>/<c>nbf</c>. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Accepted signing keys.</summary>
    public List<GatewaySigningKey> SigningKeys { get; set; } = [];

    /// <summary>The decoded keys by id.</summary>
    /// <exception cref="InvalidOperationException">when a key is missing, not base64, too short or its id repeats.</exception>
    public IReadOnlyList<(string KeyId, byte[] Key)> DecodedKeys()
    {
        var keys = new List<(string, byte[])>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            var key = SigningKeys[i];
            if (string.IsNullOrWhiteSpace(key.KeyId))
            {
                throw new InvalidOperationException($"Gateway:Jwt:SigningKeys:{i}:KeyId is required.");
            }
            if (!ids.Add(key.KeyId))
            {
                throw new InvalidOperationException($"Gateway:Jwt:SigningKeys: key id '{key.KeyId}' appears more than once.");
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(key.Key);
            }
            catch (FormatException notBase64)
            {
                throw new InvalidOperationException($"Gateway:Jwt:SigningKeys:{i}:Key is not base64.", notBase64);
            }
            if (bytes.Length < DevelopmentTokens.MinimumKeyBytes)
            {
                throw new InvalidOperationException(
                    $"Gateway:Jwt:SigningKeys:{i}:Key has {bytes.Length} bytes; HS256 needs at least {DevelopmentTokens.MinimumKeyBytes}.");
            }
            keys.Add((key.KeyId, bytes));
        }
        return keys;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            throw new InvalidOperationException("Gateway:Jwt:Issuer is required.");
        }
        if (string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException("Gateway:Jwt:Audience is required.");
        }
        if (SigningKeys.Count == 0)
        {
            throw new InvalidOperationException("Gateway:Jwt:SigningKeys needs at least one key.");
        }
        _ = DecodedKeys();
    }
}
