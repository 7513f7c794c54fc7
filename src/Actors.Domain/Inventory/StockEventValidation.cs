using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>The shape rules of stock events, checked before anything is decided or applied.</summary>
public static class StockEventValidation
{
    /// <summary>Why <paramref name="e"/> is malformed, or null when it is well formed.</summary>
    public static string? Problem(StockEvent? e)
    {
        if (e is null)
        {
            return "the stock event is missing.";
        }
        if (string.IsNullOrEmpty(e.Source))
        {
            return "the stock event has no source.";
        }
        if (e.Source.StartsWith(ReservationKeys.SourcePrefix, StringComparison.Ordinal))
        {
            // Reservation transitions own these ledger keys; an event using one could collide with a reservation's row.
            return $"source '{e.Source}' uses the reserved prefix '{ReservationKeys.SourcePrefix}'.";
        }
        if (e.Source.StartsWith(TransferKeys.SourcePrefix, StringComparison.Ordinal))
        {
            // Shard transfers own these ledger keys, for the same reason.
            return $"source '{e.Source}' uses the reserved prefix '{TransferKeys.SourcePrefix}'.";
        }
        if (e.Seq < 1)
        {
            return $"({e.Source}, {e.Seq}): seq must be at least 1.";
        }
        return e switch
        {
            StockReceived received => PositiveQuantity(e, received.Quantity),
            StockAdjusted adjusted => adjusted.Delta == 0 ? $"({e.Source}, {e.Seq}): an adjustment must change the count." : null,
            ShipmentDispatched dispatched => DispatchProblem(dispatched),
            ReturnReceived returned => PositiveQuantity(e, returned.Quantity),
            DamageRecorded damaged => PositiveQuantity(e, damaged.Quantity)
                ?? (damaged.FromBucket is StockBucket.Available or StockBucket.Committed or StockBucket.Shipped
                    ? null
                    : $"({e.Source}, {e.Seq}): damage can be recorded from available, committed or shipped, not {damaged.FromBucket}."),
            _ => $"'{e.GetType().Name}' is not a stock event type a SKU-location can apply.",
        };
    }

    private static string? DispatchProblem(ShipmentDispatched e)
    {
        var named = !string.IsNullOrEmpty(e.ReservationId);
        if (named == e.Quantity.HasValue)
        {
            return $"({e.Source}, {e.Seq}): a dispatch names either a reservation or a quantity, exactly one.";
        }
        return named ? null : PositiveQuantity(e, e.Quantity!.Value);
    }

    private static string? PositiveQuantity(StockEvent e, long quantity) =>
        quantity > 0 ? null : $"({e.Source}, {e.Seq}): quantity must be positive, got {quantity}.";
}
