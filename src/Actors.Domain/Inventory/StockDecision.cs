namespace Actors.Domain.Inventory;

/// <summary>
/// What the stock grain must do with a command or event: append and apply (<see cref="StockAccepted"/>), answer without
/// writing (<see cref="StockDuplicate"/>, <see cref="StockConflict"/>, <see cref="StockInsufficient"/>,
/// <see cref="StockInvalid"/>), or consult the ledger first (<see cref="StockLookUp"/>).
/// </summary>
public abstract record StockDecision
{
    // Closed hierarchy: callers switch over exactly the known cases.
    private protected StockDecision()
    {
    }
}
