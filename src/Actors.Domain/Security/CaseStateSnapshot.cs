using Actors.Contracts.Security;
using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>The persisted form of a <see cref="CaseState"/>; plain data for System.Text.Json. Replay the ledger after <see cref="Version"/>.</summary>
public sealed record CaseStateSnapshot
{
    /// <summary>True once the case was opened.</summary>
    public bool Exists { get; init; }

    /// <summary>The owning tenant.</summary>
    public string Tenant { get; init; } = "";

    /// <summary>The case id.</summary>
    public string CaseId { get; init; } = "";

    /// <summary>Where the case stands.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>The highest severity of its alerts.</summary>
    public AlertSeverity Severity { get; init; }

    /// <summary>The principal it is about.</summary>
    public string? Principal { get; init; }

    /// <summary>The host it is about.</summary>
    public string? Host { get; init; }

    /// <summary>Alerts correlated into it.</summary>
    public int AlertCount { get; init; }

    /// <summary>Distinct rules that fired, in first-seen order.</summary>
    public List<string> Rules { get; init; } = [];

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Ledger rows the snapshot covers.</summary>
    public long Version { get; init; }

    /// <summary>The dedup marks.</summary>
    public DedupSnapshot Dedup { get; init; } = new();
}
