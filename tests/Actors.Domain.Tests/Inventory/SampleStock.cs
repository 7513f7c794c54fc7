using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;

namespace Actors.Domain.Tests.Inventory;

/// <summary>Stock events and a decide-then-apply step for the unit tests.</summary>
internal static class SampleStock
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static StockReceived Received(long quantity, long seq = 1, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, Quantity = quantity };

    public static StockAdjusted Adjusted(long delta, long seq, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, Delta = delta, Reason = "cycle count" };

    public static ShipmentDispatched DispatchedFor(string reservationId, long seq, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, ReservationId = reservationId };

    public static ShipmentDispatched DispatchedUnits(long quantity, long seq, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, Quantity = quantity };

    public static ReturnReceived Returned(long quantity, long seq, bool damaged = false, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, Quantity = quantity, Damaged = damaged };

    public static DamageRecorded Damaged(long quantity, long seq, StockBucket from = StockBucket.Available, string source = "wms") =>
        new() { Source = source, Seq = seq, OccurredAt = T0, Quantity = quantity, FromBucket = from };

    public static ReserveStock Reserve(string id, long quantity, int ttlMinutes = 10, int atMinute = 0) =>
        new(id, quantity, TimeSpan.FromMinutes(ttlMinutes), T0.AddMinutes(atMinute));

    /// <summary>Applies what <paramref name="decision"/> accepted and returns it; any other decision is returned untouched.</summary>
    public static StockDecision Run(StockState state, StockDecision decision)
    {
        if (decision is StockAccepted accepted)
        {
            foreach (var transition in accepted.Transitions)
            {
                StockDecider.Apply(state, transition);
            }
        }
        return decision;
    }

    /// <summary>A state with <paramref name="received"/> units available, from one receipt.</summary>
    public static StockState Stocked(long received, int maxIntervals = 1024)
    {
        var state = new StockState(maxIntervals);
        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Received(received, seq: 1, source: "seed"))));
        return state;
    }

    public static StockBuckets Buckets(long available = 0, long reserved = 0, long committed = 0, long shipped = 0, long damaged = 0) =>
        new(available, reserved, committed, shipped, damaged);
}
