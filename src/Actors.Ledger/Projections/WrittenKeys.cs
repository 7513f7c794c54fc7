namespace Actors.Ledger.Projections;

/// <summary>
/// The keys a rebuild has written into a version that was empty when it started, so later batches know which keys are new.
/// Bounded: past <see cref="Capacity"/> keys it stops remembering and every later key counts as possibly present, which is
/// always correct (an upsert), only not the cheaper path.
/// </summary>
public sealed class WrittenKeys(int capacity)
{
    private readonly HashSet<(string Ledger, string Currency)> _balances = [];
    private readonly HashSet<(string Ledger, string Meter, string Window, string Currency)> _usage = [];
    private bool _full;

    /// <summary>Most keys remembered.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>True when <paramref name="delta"/>'s key is surely new to the version (and remembers it as written).</summary>
    public bool IsNew(BalanceDelta delta) => Track(_balances, (delta.Ledger, delta.Currency));

    /// <summary>True when <paramref name="delta"/>'s key is surely new to the version (and remembers it as written).</summary>
    public bool IsNew(UsageDelta delta) => Track(_usage, (delta.Ledger, delta.Meter, delta.Window, delta.Currency));

    private bool Track<T>(HashSet<T> keys, T key)
    {
        if (keys.Contains(key))
        {
            return false;
        }
        if (_full || _balances.Count + _usage.Count >= Capacity)
        {
            // A key not remembered may have been written after the set filled up.
            _full = true;
            return false;
        }
        keys.Add(key);
        return true;
    }
}
