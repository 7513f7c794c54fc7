namespace Actors.Domain.Inventory;

/// <summary>
/// One change of a SKU-location's stock as appended to its ledger. <see cref="LedgerSource"/> and <see cref="LedgerSeq"/>
/// are the row's idempotency key, so the ledger's unique key also refuses a transition written twice.
/// </summary>
public abstract record StockTransition
{
    // Closed hierarchy: StockState.Apply switches over exactly the known cases.
    private protected StockTransition()
    {
    }

    /// <summary>The ledger row's source column.</summary>
    public abstract string LedgerSource { get; }

    /// <summary>The ledger row's seq column.</summary>
    public abstract long LedgerSeq { get; }

    /// <summary>When the change happened; the snapshot's <c>AsOf</c> follows it.</summary>
    public abstract DateTimeOffset At { get; }
}
