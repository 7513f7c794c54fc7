using Actors.Contracts.Security;

namespace Actors.Domain.Security;

/// <summary>
/// One row of a tenant's intake ledger: an alert with the case it was correlated into (and whether it opened that case),
/// or an identity event with the principal's open case (null when it had none). The row is written before the case is
/// touched, so it is what the intake re-drives after a crash.
/// </summary>
public sealed record IntakeEntry
{
    /// <summary>The ledger type: <see cref="AlertRaised.TypeName"/> or the identity event's type.</summary>
    public required string Type { get; init; }

    /// <summary>The ledger source (prefixed per kind, see <see cref="CaseKeys"/>).</summary>
    public required string LedgerSource { get; init; }

    /// <summary>The ledger seq.</summary>
    public required long LedgerSeq { get; init; }

    /// <summary>When the intake recorded it.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The alert, for alert rows.</summary>
    public AlertRaised? Alert { get; init; }

    /// <summary>The identity event, for identity rows.</summary>
    public IdentityRecord? Identity { get; init; }

    /// <summary>The case it went to; null only for an identity event of a principal without an open case.</summary>
    public string? CaseId { get; init; }

    /// <summary>True when the alert opened <see cref="CaseId"/>.</summary>
    public bool OpenedCase { get; init; }

    /// <summary>Whether <paramref name="other"/> carries the same event, so a repeat of it is a duplicate rather than a conflict.</summary>
    public bool SameRequest(IntakeEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Equals(Alert, other.Alert) && Equals(Identity, other.Identity);
    }
}
