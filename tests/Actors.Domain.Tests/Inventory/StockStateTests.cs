using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using static Actors.Domain.Tests.Inventory.SampleStock;

namespace Actors.Domain.Tests.Inventory;

public sealed class StockStateTests
{
    [Fact]
    public void Apply_refuses_a_transition_that_would_make_a_bucket_negative_and_leaves_the_state_unchanged()
    {
        var state = Stocked(3);

        Assert.Throws<InvalidOperationException>(() => state.Apply(new ReservationPlaced("r1", 4, T0.AddMinutes(1), T0)));

        Assert.Equal(new StockSnapshot(1, Buckets(available: 3), T0), state.ToSnapshot());
        Assert.Empty(state.Reservations);
    }

    [Fact]
    public void Apply_refuses_an_event_key_applied_twice()
    {
        var state = new StockState();
        state.Apply(new StockEventRecorded(Received(3)));

        Assert.Throws<InvalidOperationException>(() => state.Apply(new StockEventRecorded(Received(3))));
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Apply_refuses_settling_a_reservation_twice()
    {
        var state = Stocked(3);
        state.Apply(new ReservationPlaced("r1", 2, T0.AddMinutes(1), T0));
        state.Apply(new ReservationReleased("r1", T0));

        Assert.Throws<InvalidOperationException>(() => state.Apply(new ReservationExpired("r1", T0)));
        Assert.Equal(Buckets(available: 3), state.Buckets);
    }

    [Fact]
    public void As_of_follows_the_latest_transition_time_and_never_goes_back()
    {
        var state = Stocked(3);
        state.Apply(new ReservationPlaced("r1", 1, T0.AddMinutes(9), T0.AddMinutes(5)));
        state.Apply(new ReservationReleased("r1", T0.AddMinutes(2)));

        Assert.Equal(T0.AddMinutes(5), state.AsOf);
    }

    [Fact]
    public void Reservation_transitions_are_keyed_for_the_ledger_by_reservation_id()
    {
        Assert.Equal(("reservation/r1", 1L), (new ReservationPlaced("r1", 1, T0, T0).LedgerSource, new ReservationPlaced("r1", 1, T0, T0).LedgerSeq));
        Assert.Equal(2L, new ReservationConfirmed("r1", T0).LedgerSeq);
        Assert.Equal(2L, new ReservationExpired("r1", T0).LedgerSeq);
        Assert.Equal("reservation/r1", new ReservationReleased("r1", T0).LedgerSource);
    }

    [Fact]
    public void Invariant_check_passes_for_a_consistent_state()
    {
        var state = Stocked(10);
        state.Apply(new ReservationPlaced("r1", 4, T0.AddMinutes(1), T0));
        state.Apply(new ReservationConfirmed("r1", T0));
        state.Apply(new StockEventRecorded(DispatchedUnits(1, seq: 1)));

        Assert.Empty(StockInvariant.Check(state));
    }
}
