namespace Actors.Grains.Fulfillment;

/// <summary>An attempt's reservations could not all be held (stock moved); those that were held have been released.</summary>
/// <param name="Attempt">The attempt that failed.</param>
/// <param name="Reason">Which reservation was refused and why.</param>
public sealed record AttemptFailed(int Attempt, string Reason) : OrderLedgerEvent;
