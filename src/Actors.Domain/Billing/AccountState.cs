using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain.Dedup;

namespace Actors.Domain.Billing;

/// <summary>
/// An account as derived from its ledger: the balance per currency, usage per meter and the dedup marks, folded from
/// the rows in position order. It is never the truth, only a cache of the ledger that a replay can rebuild.
/// </summary>
public sealed class AccountState
{
    private readonly Dictionary<string, long> _balanceMinor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _usageByMeter = new(StringComparer.Ordinal);

    /// <summary>An empty account (ledger position 0) whose dedup sets keep at most <paramref name="maxIntervals"/> intervals.</summary>
    public AccountState(int maxIntervals = SequenceSet.DefaultMaxIntervals)
        : this(new DedupIndex(maxIntervals))
    {
    }

    private AccountState(DedupIndex dedup) => Dedup = dedup;

    /// <summary>The last ledger position applied; 0 when nothing was.</summary>
    public long Position { get; private set; }

    /// <summary>How many ledger events were applied.</summary>
    public long EventCount { get; private set; }

    /// <summary>Amount owed per currency in minor units: charges and adjustments minus credits and payments.</summary>
    public IReadOnlyDictionary<string, long> BalanceMinor => _balanceMinor;

    /// <summary>Recorded units per meter.</summary>
    public IReadOnlyDictionary<string, long> UsageByMeter => _usageByMeter;

    /// <summary>Which <c>(source, seq)</c> keys the applied events used.</summary>
    public DedupIndex Dedup { get; }

    /// <summary>Folds in the ledger row at <paramref name="position"/> holding <paramref name="e"/>, and marks its key as seen.</summary>
    /// <exception cref="InvalidOperationException">
    /// when <paramref name="position"/> is not <see cref="Position"/> + 1 or the key was already applied: the replay is
    /// broken, and carrying on would silently miscount.
    /// </exception>
    /// <exception cref="OverflowException">when a total would overflow; the state is left unchanged.</exception>
    public void Apply(BillingEvent e, long position)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (position != Position + 1)
        {
            throw new InvalidOperationException($"ledger position {position} does not follow {Position}: the replay has a gap or a repeat.");
        }
        if (Dedup.Check(e.Source, e.Seq) == DedupVerdict.Seen)
        {
            throw new InvalidOperationException($"({e.Source}, {e.Seq}) at ledger position {position} was already applied.");
        }

        // Everything that can throw is computed before anything changes, so a failed Apply leaves the state intact.
        var (balance, usage) = Project(e);
        _balanceMinor[e.Currency] = balance;
        if (e is UsageRecorded recorded)
        {
            _usageByMeter[recorded.Meter] = usage;
        }
        Dedup.Mark(e.Source, e.Seq);
        Position = position;
        EventCount++;
    }

    /// <summary>The state as plain data; <see cref="FromSnapshot"/> restores it exactly.</summary>
    public AccountSnapshot ToSnapshot() => new()
    {
        Position = Position,
        EventCount = EventCount,
        BalanceMinor = Sorted(_balanceMinor),
        UsageByMeter = Sorted(_usageByMeter),
        Dedup = Dedup.ToSnapshot(),
    };

    /// <summary>Restores a state saved by <see cref="ToSnapshot"/>; replay the ledger after its <see cref="Position"/> to catch up.</summary>
    /// <exception cref="InvalidOperationException">when the snapshot's format is unknown or its counters are negative.</exception>
    public static AccountState FromSnapshot(AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Format != AccountSnapshot.CurrentFormat)
        {
            throw new InvalidOperationException($"account snapshot format {snapshot.Format} is not supported (expected {AccountSnapshot.CurrentFormat}).");
        }
        if (snapshot.Position < 0 || snapshot.EventCount < 0)
        {
            throw new InvalidOperationException($"account snapshot has a negative position ({snapshot.Position}) or event count ({snapshot.EventCount}).");
        }
        var state = new AccountState(DedupIndex.FromSnapshot(snapshot.Dedup ?? new DedupSnapshot()))
        {
            Position = snapshot.Position,
            EventCount = snapshot.EventCount,
        };
        foreach (var (currency, amount) in snapshot.BalanceMinor ?? [])
        {
            state._balanceMinor.Add(currency, amount);
        }
        foreach (var (meter, quantity) in snapshot.UsageByMeter ?? [])
        {
            state._usageByMeter.Add(meter, quantity);
        }
        return state;
    }

    /// <summary>The balance as the contracts report it.</summary>
    public AccountBalance ToBalance(string tenant, string account) =>
        new(tenant, account, Sorted(_balanceMinor), Sorted(_usageByMeter), EventCount, Position);

    /// <summary>Throws <see cref="InvalidEventException"/> when applying <paramref name="e"/> would overflow a total.</summary>
    internal void EnsureApplicable(BillingEvent e)
    {
        try
        {
            Project(e);
        }
        catch (OverflowException overflow)
        {
            // Refused before it reaches the ledger: a stored event that cannot be replayed would wedge the account.
            throw new InvalidEventException($"({e.Source}, {e.Seq}) would overflow the account's {e.Currency} totals: {overflow.Message}");
        }
    }

    // The new balance of e's currency and, for usage, the new total of its meter; checked, so overflow throws.
    private (long Balance, long Usage) Project(BillingEvent e)
    {
        var balance = checked(_balanceMinor.GetValueOrDefault(e.Currency) + BillingEffect.AmountMinor(e));
        return e is UsageRecorded usage
            ? (balance, checked(_usageByMeter.GetValueOrDefault(usage.Meter) + usage.Quantity))
            : (balance, 0);
    }

    private static Dictionary<string, long> Sorted(Dictionary<string, long> totals)
    {
        var copy = new Dictionary<string, long>(totals.Count, StringComparer.Ordinal);
        foreach (var (key, value) in totals.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            copy.Add(key, value);
        }
        return copy;
    }
}
