namespace Actors.Contracts.Security;

/// <summary>The principal's credentials (password, keys, tokens) were rotated.</summary>
[GenerateSerializer, Immutable, Alias("security.credentials-rotated")]
public sealed record CredentialsRotated : IdentityEvent
{
    /// <summary>The event type name on the lanes and the ledgers.</summary>
    public const string TypeName = "CredentialsRotated";

    /// <inheritdoc />
    public override string Type => TypeName;
}
