using Actors.Contracts.Inventory;
using Actors.Domain.Dedup;
using Actors.Domain.Inventory;
using static Actors.Domain.Tests.Inventory.SampleStock;

namespace Actors.Domain.Tests.Inventory;

public sealed class StockEventTests
{
    [Fact]
    public void Receipt_adds_to_available_and_advances_the_version()
    {
        var state = new StockState();

        var decision = Run(state, StockDecider.Decide(state, Received(7)));

        var accepted = Assert.IsType<StockAccepted>(decision);
        var transition = Assert.Single(accepted.Transitions);
        Assert.Equal(("wms", 1L), (transition.LedgerSource, transition.LedgerSeq));
        Assert.Equal(new StockSnapshot(1, Buckets(available: 7), T0), state.ToSnapshot());
        Assert.Equal(7, state.Received);
    }

    [Fact]
    public void Decide_does_not_change_the_state_until_apply()
    {
        var state = new StockState();

        Assert.IsType<StockAccepted>(StockDecider.Decide(state, Received(7)));

        Assert.Equal(new StockSnapshot(0, StockBuckets.Empty, DateTimeOffset.MinValue), state.ToSnapshot());
    }

    [Theory]
    [InlineData(-3, 7)]
    [InlineData(4, 14)]
    public void Adjustment_moves_available_by_its_delta(long delta, long expected)
    {
        var state = Stocked(10);

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Adjusted(delta, seq: 1))));

        Assert.Equal(Buckets(available: expected), state.Buckets);
        Assert.Equal(delta, state.NetAdjusted);
        Assert.Empty(StockInvariant.Check(state));
    }

    [Fact]
    public void Adjustment_below_zero_is_refused_and_writes_nothing()
    {
        var state = Stocked(3);

        var decision = StockDecider.Decide(state, Adjusted(-4, seq: 1));

        Assert.IsType<StockInvalid>(decision);
        Assert.Equal(1, state.Version);
        // Refused events are not marked, so a corrected retry with the same key is decided afresh.
        Assert.Equal(DedupVerdict.New, state.Dedup.Check("wms", 1));
    }

    [Fact]
    public void Dispatch_by_reservation_moves_its_committed_units_to_shipped()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));
        Run(state, StockDecider.Decide(state, new ConfirmReservation("r1", T0)));

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, DispatchedFor("r1", seq: 1))));

        Assert.Equal(Buckets(available: 6, shipped: 4), state.Buckets);
        Assert.Equal(ReservationStatus.Shipped, state.Reservations["r1"].Status);
    }

    [Fact]
    public void Dispatch_of_an_unconfirmed_reservation_is_refused()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));

        Assert.IsType<StockInvalid>(StockDecider.Decide(state, DispatchedFor("r1", seq: 1)));
    }

    [Fact]
    public void Dispatch_by_quantity_takes_committed_units_and_never_more()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));
        Run(state, StockDecider.Decide(state, new ConfirmReservation("r1", T0)));

        Assert.IsType<StockInvalid>(StockDecider.Decide(state, DispatchedUnits(5, seq: 1)));
        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, DispatchedUnits(3, seq: 2))));

        Assert.Equal(Buckets(available: 6, committed: 1, shipped: 3), state.Buckets);
        Assert.Empty(StockInvariant.Check(state));
    }

    [Theory]
    [InlineData(false, 8, 0)]
    [InlineData(true, 6, 2)]
    public void Return_moves_shipped_units_back_to_available_or_to_damaged(bool damaged, long available, long damagedUnits)
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));
        Run(state, StockDecider.Decide(state, new ConfirmReservation("r1", T0)));
        Run(state, StockDecider.Decide(state, DispatchedFor("r1", seq: 1)));

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Returned(2, seq: 2, damaged))));

        Assert.Equal(Buckets(available: available, shipped: 2, damaged: damagedUnits), state.Buckets);
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Returned(3, seq: 3)));
        Assert.Empty(StockInvariant.Check(state));
    }

    [Fact]
    public void Damage_moves_units_from_the_named_bucket()
    {
        var state = Stocked(10);

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Damaged(3, seq: 1))));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Damaged(1, seq: 2, from: StockBucket.Committed)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Damaged(1, seq: 3, from: StockBucket.Reserved)));

        Assert.Equal(Buckets(available: 7, damaged: 3), state.Buckets);
    }

    [Fact]
    public void Malformed_events_are_invalid()
    {
        var state = Stocked(10);

        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Received(0)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Received(1, seq: 0)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Received(1, source: "")));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Received(1, source: "reservation/x")));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Adjusted(0, seq: 1)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, DispatchedUnits(2, seq: 1) with { ReservationId = "r1" }));
    }

    [Fact]
    public void Seen_key_is_looked_up_and_the_same_event_is_a_duplicate()
    {
        var state = new StockState();
        var original = Received(5);
        var recorded = Assert.Single(Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, original))).Transitions);
        var retry = original with { OccurredAt = T0.AddMinutes(3) };

        Assert.Equal(new StockLookUp("wms", 1, DedupVerdict.Seen), StockDecider.Decide(state, retry));
        Assert.Equal(new StockDuplicate(null), StockDecider.DecideWithOriginal(state, retry, recorded));
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Same_key_with_another_payload_is_a_conflict()
    {
        var state = new StockState();
        var recorded = Assert.Single(Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Received(5)))).Transitions);

        Assert.IsType<StockConflict>(StockDecider.DecideWithOriginal(state, Received(6), recorded));
        Assert.IsType<StockConflict>(StockDecider.DecideWithOriginal(state, Adjusted(5, seq: 1), recorded));
    }

    [Fact]
    public void Forgotten_key_absent_from_the_ledger_is_new_after_all()
    {
        var state = new StockState(maxIntervals: 1);
        Run(state, StockDecider.Decide(state, Received(1, seq: 3)));
        Run(state, StockDecider.Decide(state, Received(1, seq: 5)));
        Assert.Equal(DedupVerdict.Unknown, state.Dedup.Check("wms", 3));

        Assert.Equal(new StockLookUp("wms", 2, DedupVerdict.Unknown), StockDecider.Decide(state, Received(1, seq: 2)));
        Assert.IsType<StockAccepted>(StockDecider.DecideWithOriginal(state, Received(1, seq: 2), original: null));
    }

    [Fact]
    public void Seen_key_without_a_ledger_row_is_a_broken_ledger()
    {
        var state = new StockState();
        Run(state, StockDecider.Decide(state, Received(5)));

        Assert.Throws<InvalidOperationException>(() => StockDecider.DecideWithOriginal(state, Received(5), original: null));
    }
}
