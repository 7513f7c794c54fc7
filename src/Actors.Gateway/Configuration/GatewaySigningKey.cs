namespace Actors.Gateway.Configuration;

/// <summary>One HS256 signing key. Several may be configured at once so tokens signed with the old key keep working while a new one is rolled out.</summary>
public sealed class GatewaySigningKey
{
    /// <summary>The key id, matched against a token's <c>kid</c> header.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The key bytes, base64 (at least 32 bytes).</summary>
    public string Key { get; set; } = "";
}
