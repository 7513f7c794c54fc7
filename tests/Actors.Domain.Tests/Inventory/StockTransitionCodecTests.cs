using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using static Actors.Domain.Tests.Inventory.SampleStock;

namespace Actors.Domain.Tests.Inventory;

public sealed class StockTransitionCodecTests
{
    public static TheoryData<StockTransition> EveryTransition() =>
    [
        new StockEventRecorded(Received(5)),
        new StockEventRecorded(Adjusted(-2, seq: 2)),
        new StockEventRecorded(DispatchedFor("r1", seq: 3)),
        new StockEventRecorded(DispatchedUnits(2, seq: 4)),
        new StockEventRecorded(Returned(1, seq: 5, damaged: true)),
        new StockEventRecorded(Damaged(1, seq: 6, from: StockBucket.Shipped)),
        new ReservationPlaced("r1", 3, T0.AddMinutes(10), T0),
        new ReservationConfirmed("r1", T0.AddMinutes(1)),
        new ReservationReleased("r2", T0.AddMinutes(2)),
        new ReservationExpired("r3", T0.AddMinutes(3)),
    ];

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Every_transition_round_trips_through_the_ledger_columns(StockTransition transition)
    {
        var type = StockTransitionCodec.TypeOf(transition);
        var payload = StockTransitionCodec.Serialize(transition);

        Assert.Equal(transition, StockTransitionCodec.Deserialize(type, payload));
        Assert.DoesNotContain("ledgerSource", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\"", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_transitions_are_stored_under_the_event_type_with_enums_by_name()
    {
        var transition = new StockEventRecorded(Damaged(1, seq: 6, from: StockBucket.Committed));

        Assert.Equal("DamageRecorded", StockTransitionCodec.TypeOf(transition));
        Assert.Contains("\"fromBucket\":\"Committed\"", StockTransitionCodec.Serialize(transition), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_type_or_null_payload_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => StockTransitionCodec.Deserialize("UsageRecorded", "{}"));
        Assert.Throws<InvalidOperationException>(() => StockTransitionCodec.Deserialize(nameof(ReservationPlaced), "null"));
    }
}
