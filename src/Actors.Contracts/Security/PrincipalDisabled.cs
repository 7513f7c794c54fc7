namespace Actors.Contracts.Security;

/// <summary>The principal's account was disabled.</summary>
[GenerateSerializer, Immutable, Alias("security.principal-disabled")]
public sealed record PrincipalDisabled : IdentityEvent
{
    /// <summary>The event type name on the lanes and the ledgers.</summary>
    public const string TypeName = "PrincipalDisabled";

    /// <inheritdoc />
    public override string Type => TypeName;
}
