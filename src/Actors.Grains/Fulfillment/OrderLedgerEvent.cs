namespace Actors.Grains.Fulfillment;

/// <summary>
/// A row of an order's ledger (<c>order/{tenant}/{order}</c>). The ledger is the order's audit trail and its only state:
/// the grain rebuilds everything it answers from these rows.
/// </summary>
public abstract record OrderLedgerEvent;
