using Actors.Contracts.Security;
using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>
/// The state of one security case, rebuilt by applying its ledger in order: status, severity, who and what it is about,
/// the rules that fired, and the dedup marks of every row key. Small by design: the alerts themselves stay on the ledger.
/// </summary>
public sealed class CaseState
{
    private readonly List<string> _rules = [];

    /// <summary>Creates the state of a case that was never opened.</summary>
    public CaseState(int maxIntervals = SequenceSet.DefaultMaxIntervals) : this(new DedupIndex(maxIntervals))
    {
    }

    private CaseState(DedupIndex dedup) => Dedup = dedup;

    /// <summary>True once the opening row was applied.</summary>
    public bool Exists { get; private set; }

    /// <summary>The owning tenant (set when opened).</summary>
    public string Tenant { get; private set; } = "";

    /// <summary>The case id (set when opened).</summary>
    public string CaseId { get; private set; } = "";

    /// <summary>Where the case stands.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>The highest severity of its alerts.</summary>
    public AlertSeverity Severity { get; private set; }

    /// <summary>The principal it is about (the first alert's, or the first one an alert named).</summary>
    public string? Principal { get; private set; }

    /// <summary>The host it is about (likewise).</summary>
    public string? Host { get; private set; }

    /// <summary>Alerts correlated into it, the opening one included.</summary>
    public int AlertCount { get; private set; }

    /// <summary>Distinct rules that fired, in first-seen order.</summary>
    public IReadOnlyList<string> Rules => _rules;

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Rows applied: the ledger position of the latest one.</summary>
    public long Version { get; private set; }

    /// <summary>Ledger keys seen, per prefixed source.</summary>
    public DedupIndex Dedup { get; }

    /// <summary>The case as callers see it, or null when it was never opened.</summary>
    public SecurityCase? ToCase() => Exists
        ? new SecurityCase(Tenant, CaseId, Status, Severity, Principal, Host, AlertCount, [.. _rules], OpenedAt, UpdatedAt, Version)
        : null;

    /// <summary>The state as plain data; <see cref="FromSnapshot"/> restores it.</summary>
    public CaseStateSnapshot ToSnapshot() => new()
    {
        Exists = Exists,
        Tenant = Tenant,
        CaseId = CaseId,
        Status = Status,
        Severity = Severity,
        Principal = Principal,
        Host = Host,
        AlertCount = AlertCount,
        Rules = [.. _rules],
        OpenedAt = OpenedAt,
        UpdatedAt = UpdatedAt,
        Version = Version,
        Dedup = Dedup.ToSnapshot(),
    };

    /// <summary>Restores a state saved by <see cref="ToSnapshot"/>; replay the ledger after its version to catch up.</summary>
    public static CaseState FromSnapshot(CaseStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new CaseState(DedupIndex.FromSnapshot(snapshot.Dedup))
        {
            Exists = snapshot.Exists,
            Tenant = snapshot.Tenant,
            CaseId = snapshot.CaseId,
            Status = snapshot.Status,
            Severity = snapshot.Severity,
            Principal = snapshot.Principal,
            Host = snapshot.Host,
            AlertCount = snapshot.AlertCount,
            OpenedAt = snapshot.OpenedAt,
            UpdatedAt = snapshot.UpdatedAt,
            Version = snapshot.Version,
        };
        state._rules.AddRange(snapshot.Rules);
        return state;
    }

    /// <summary>Applies one ledger row; the decider produced it or the ledger replays it.</summary>
    internal void Apply(CaseChange change)
    {
        if (change.Alert is { } alert)
        {
            if (change.Type == CaseChange.Opened && !Exists)
            {
                Exists = true;
                Tenant = change.Tenant ?? "";
                CaseId = change.CaseId ?? "";
                Status = CaseStatus.Open;
                Severity = alert.Severity;
                OpenedAt = change.At;
            }
            Severity = (AlertSeverity)Math.Max((int)Severity, (int)alert.Severity);
            Principal ??= alert.Principal;
            Host ??= alert.Host;
            AlertCount++;
            if (!_rules.Contains(alert.Rule, StringComparer.Ordinal))
            {
                _rules.Add(alert.Rule);
            }
        }
        else if (change.Transition is { } transition)
        {
            Status = transition.To;
        }
        Dedup.Mark(change.LedgerSource, change.LedgerSeq);
        UpdatedAt = change.At;
        Version++;
    }
}
