using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>
/// The state of one tenant's security intake, rebuilt by applying its ledger in order: dedup marks of alerts and identity
/// events, the correlation index (the latest case of each principal and each host), the cases it opened, and the rows
/// whose case update is not confirmed yet (what it re-drives after a crash).
/// </summary>
public sealed class IntakeState
{
    private readonly Dictionary<string, string> _byPrincipal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byHost = new(StringComparer.Ordinal);
    private readonly List<string> _cases = [];
    private readonly SortedDictionary<long, IntakeEntry> _pending = [];

    /// <summary>Creates the state of an intake with an empty ledger.</summary>
    public IntakeState(int maxIntervals = SequenceSet.DefaultMaxIntervals) : this(new DedupIndex(maxIntervals))
    {
    }

    private IntakeState(DedupIndex dedup) => Dedup = dedup;

    /// <summary>Ledger keys seen, per prefixed source.</summary>
    public DedupIndex Dedup { get; }

    /// <summary>Rows applied: the ledger position of the latest one.</summary>
    public long Version { get; private set; }

    /// <summary>The latest case each principal was correlated into.</summary>
    public IReadOnlyDictionary<string, string> ByPrincipal => _byPrincipal;

    /// <summary>The latest case each host was correlated into.</summary>
    public IReadOnlyDictionary<string, string> ByHost => _byHost;

    /// <summary>Every case this intake opened, oldest first.</summary>
    public IReadOnlyList<string> Cases => _cases;

    /// <summary>Rows (by ledger position) whose case has not confirmed applying them since this state was built.</summary>
    public IReadOnlyDictionary<long, IntakeEntry> Pending => _pending;

    /// <summary>Forgets that the row at <paramref name="position"/> still has to reach its case: the case applied it.</summary>
    public void Confirm(long position) => _pending.Remove(position);

    /// <summary>The state as plain data; <see cref="FromSnapshot"/> restores it.</summary>
    public IntakeStateSnapshot ToSnapshot() => new()
    {
        Version = Version,
        Dedup = Dedup.ToSnapshot(),
        ByPrincipal = new(_byPrincipal, StringComparer.Ordinal),
        ByHost = new(_byHost, StringComparer.Ordinal),
        Cases = [.. _cases],
        Pending = new(_pending),
    };

    /// <summary>Restores a state saved by <see cref="ToSnapshot"/>; replay the ledger after its version to catch up.</summary>
    public static IntakeState FromSnapshot(IntakeStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new IntakeState(DedupIndex.FromSnapshot(snapshot.Dedup)) { Version = snapshot.Version };
        foreach (var (principal, caseId) in snapshot.ByPrincipal)
        {
            state._byPrincipal[principal] = caseId;
        }
        foreach (var (host, caseId) in snapshot.ByHost)
        {
            state._byHost[host] = caseId;
        }
        state._cases.AddRange(snapshot.Cases);
        foreach (var (position, entry) in snapshot.Pending)
        {
            state._pending[position] = entry;
        }
        return state;
    }

    /// <summary>Applies one ledger row; the decider produced it or the ledger replays it.</summary>
    internal void Apply(IntakeEntry entry)
    {
        Version++;
        Dedup.Mark(entry.LedgerSource, entry.LedgerSeq);
        if (entry.CaseId is not { } caseId)
        {
            return;
        }
        if (entry.OpenedCase)
        {
            _cases.Add(caseId);
        }
        if (entry.Alert is { } alert)
        {
            if (alert.Principal is { } principal)
            {
                _byPrincipal[principal] = caseId;
            }
            if (alert.Host is { } host)
            {
                _byHost[host] = caseId;
            }
        }
        _pending[Version] = entry;
    }
}
