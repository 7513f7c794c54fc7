using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>
/// The invariants of a SKU-location's stock, in one place:
/// <list type="number">
/// <item>no bucket is negative;</item>
/// <item>conservation: available + reserved + committed + shipped + damaged + in transit = received + net adjustments +
/// transferred in - transferred out (transitions only move units between buckets; receipts, adjustments and shard
/// transfers are the only way units enter or leave a shard's books, and a return moves shipped units back rather than
/// adding new ones);</item>
/// <item>in transit = the sum of the quantities of sent transfers not yet completed;</item>
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
        if (b.Available < 0 || b.Reserved < 0 || b.Committed < 0 || b.Shipped < 0 || b.Damaged < 0 || b.InTransit < 0)
        {
            broken.Add($"a bucket is negative: {b}.");
        }
        var booked = checked(state.Received + state.NetAdjusted + state.TransferredIn - state.TransferredOut);
        if (b.Total != booked)
        {
            broken.Add($"buckets hold {b.Total} units but received {state.Received} + adjusted {state.NetAdjusted} + transferred in {state.TransferredIn} - out {state.TransferredOut} = {booked}.");
        }
        var inFlight = state.OutboundTransfers.Values.Where(t => !t.Completed).Sum(t => t.Quantity);
        if (b.InTransit != inFlight)
        {
            broken.Add($"in transit is {b.InTransit} but open transfers carry {inFlight}.");
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
