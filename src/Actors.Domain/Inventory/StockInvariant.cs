using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>
/// The invariants of a SKU-location's stock, in one place:
/// <list type="number">
/// <item>no bucket is negative;</item>
/// <item>conservation: available + reserved + committed + shipped + damaged = received + net adjustments (transitions
/// only move units between buckets; receipts and adjustments are the only way units enter or leave the books, and a
/// return moves shipped units back rather than adding new ones);</item>
/// <item>reserved = the sum of the quantities of reservations in status Reserved (only reservations hold units there);</item>
/// <item>committed ≤ the sum of the quantities of reservations in status Confirmed (a dispatch without a reservation id
/// may take committed units without settling a reservation, never the other way round).</item>
/// </list>
/// Together they mean reserved + committed never exceeds what was received plus adjusted: no phantom inventory.
/// </summary>
public static class StockInvariant
{
    /// <summary>Every invariant <paramref name="state"/> breaks, as sentences; empty when it keeps them all.</summary>
    public static IReadOnlyList<string> Check(StockState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var b = state.Buckets;
        var broken = new List<string>();
        if (b.Available < 0 || b.Reserved < 0 || b.Committed < 0 || b.Shipped < 0 || b.Damaged < 0)
        {
            broken.Add($"a bucket is negative: {b}.");
        }
        var booked = checked(state.Received + state.NetAdjusted);
        if (b.Total != booked)
        {
            broken.Add($"buckets hold {b.Total} units but received {state.Received} + adjusted {state.NetAdjusted} = {booked}.");
        }
        var held = SumOf(state, ReservationStatus.Reserved);
        if (b.Reserved != held)
        {
            broken.Add($"reserved is {b.Reserved} but open reservations hold {held}.");
        }
        var confirmed = SumOf(state, ReservationStatus.Confirmed);
        if (b.Committed > confirmed)
        {
            broken.Add($"committed is {b.Committed} but confirmed reservations account for only {confirmed}.");
        }
        return broken;
    }

    private static long SumOf(StockState state, ReservationStatus status) =>
        state.Reservations.Values.Where(r => r.Status == status).Sum(r => r.Quantity);
}
