using Actors.Contracts.Security;

namespace Actors.Domain.Security;

/// <summary>
/// One row of a case's ledger: the case opened by an alert, an alert correlated into it, a move along its lifecycle, or an
/// identity event of its principal. Exactly one of <see cref="Alert"/>, <see cref="Transition"/> and
/// <see cref="Identity"/> is set. <see cref="LedgerSource"/> and <see cref="LedgerSeq"/> are the row's idempotency key.
/// </summary>
public sealed record CaseChange
{
    /// <summary>Ledger type of the row opening a case.</summary>
    public const string Opened = "CaseOpened";

    /// <summary>Ledger type of an alert correlated into an existing case.</summary>
    public const string AlertCorrelated = "AlertCorrelated";

    /// <summary>The ledger type: <see cref="Opened"/>, <see cref="AlertCorrelated"/>, <c>CaseTriaged</c> … <c>CaseReopened</c>, or the identity event's type.</summary>
    public required string Type { get; init; }

    /// <summary>The ledger source (prefixed per kind, see <see cref="CaseKeys"/>).</summary>
    public required string LedgerSource { get; init; }

    /// <summary>The ledger seq.</summary>
    public required long LedgerSeq { get; init; }

    /// <summary>When the case learned of it.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The case's tenant and id, set on the opening row.</summary>
    public string? Tenant { get; init; }

    /// <summary>The case id, set on the opening row.</summary>
    public string? CaseId { get; init; }

    /// <summary>The alert, for <see cref="Opened"/> and <see cref="AlertCorrelated"/>.</summary>
    public AlertRaised? Alert { get; init; }

    /// <summary>The requested move, for lifecycle rows.</summary>
    public CaseTransition? Transition { get; init; }

    /// <summary>The status the move started from, for lifecycle rows.</summary>
    public CaseStatus? From { get; init; }

    /// <summary>The identity event, for identity rows.</summary>
    public IdentityRecord? Identity { get; init; }

    /// <summary>Whether <paramref name="other"/> asks for the same thing, so a repeat of it is a duplicate rather than a conflict.</summary>
    public bool SameRequest(CaseChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Equals(Alert, other.Alert) && Equals(Transition, other.Transition) && Equals(Identity, other.Identity);
    }
}
