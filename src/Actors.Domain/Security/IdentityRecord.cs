using Actors.Contracts.Security;

namespace Actors.Domain.Security;

/// <summary>An identity event as plain data, so the ledgers can store and compare it without knowing its subtype.</summary>
public sealed record IdentityRecord(string Type, string Source, long Seq, DateTimeOffset OccurredAt, string Principal, string? Reason)
{
    /// <summary>The record of <paramref name="e"/>.</summary>
    public static IdentityRecord From(IdentityEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Type, e.Source, e.Seq, e.OccurredAt, e.Principal, e.Reason);
    }

    /// <summary>The contract event this record stores.</summary>
    /// <exception cref="InvalidOperationException">when <see cref="Type"/> is not an identity event type.</exception>
    public IdentityEvent ToEvent() => Type switch
    {
        PrincipalDisabled.TypeName => new PrincipalDisabled { Source = Source, Seq = Seq, OccurredAt = OccurredAt, Principal = Principal, Reason = Reason },
        CredentialsRotated.TypeName => new CredentialsRotated { Source = Source, Seq = Seq, OccurredAt = OccurredAt, Principal = Principal, Reason = Reason },
        _ => throw new InvalidOperationException($"'{Type}' is not an identity event type."),
    };
}
