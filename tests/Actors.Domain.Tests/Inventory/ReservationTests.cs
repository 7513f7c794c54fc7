using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using static Actors.Domain.Tests.Inventory.SampleStock;

namespace Actors.Domain.Tests.Inventory;

public sealed class ReservationTests
{
    [Fact]
    public void Reserve_moves_available_to_reserved_until_the_ttl()
    {
        var state = Stocked(10);

        var accepted = Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, Reserve("r1", 4, ttlMinutes: 15))));

        Assert.Equal(new ReservationPlaced("r1", 4, T0.AddMinutes(15), T0), Assert.Single(accepted.Transitions));
        Assert.Equal(Buckets(available: 6, reserved: 4), state.Buckets);
        Assert.Equal(new Reservation("r1", 4, T0.AddMinutes(15), ReservationStatus.Reserved), state.Reservations["r1"]);
        Assert.Empty(StockInvariant.Check(state));
    }

    [Fact]
    public void Reserve_beyond_available_is_insufficient_with_the_current_snapshot()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 8)));

        var decision = StockDecider.Decide(state, Reserve("r2", 3));

        Assert.Equal(new StockInsufficient(3, new StockSnapshot(2, Buckets(available: 2, reserved: 8), T0)), decision);
        Assert.False(state.Reservations.ContainsKey("r2"));
    }

    [Fact]
    public void Retried_reserve_returns_the_original_answer_without_a_second_effect()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4, ttlMinutes: 15)));

        // The retry arrives later with a fresh clock and TTL: still the same reservation.
        var retry = StockDecider.Decide(state, Reserve("r1", 4, ttlMinutes: 30, atMinute: 2));

        Assert.Equal(new StockDuplicate(new Reservation("r1", 4, T0.AddMinutes(15), ReservationStatus.Reserved)), retry);
        Assert.Equal(Buckets(available: 6, reserved: 4), state.Buckets);
    }

    [Fact]
    public void Same_reservation_id_with_another_quantity_is_a_conflict()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));

        Assert.IsType<StockConflict>(StockDecider.Decide(state, Reserve("r1", 5)));
        Assert.Equal(Buckets(available: 6, reserved: 4), state.Buckets);
    }

    [Fact]
    public void Insufficient_reserve_is_not_remembered_so_its_retry_can_succeed()
    {
        var state = Stocked(2);
        Assert.IsType<StockInsufficient>(StockDecider.Decide(state, Reserve("r1", 4)));
        Run(state, StockDecider.Decide(state, Received(5, seq: 1)));

        Assert.IsType<StockAccepted>(StockDecider.Decide(state, Reserve("r1", 4)));
    }

    [Fact]
    public void Invalid_reserve_commands_are_refused()
    {
        var state = Stocked(10);

        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Reserve("", 1)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Reserve("r1", 0)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, Reserve("r1", 1, ttlMinutes: 0)));
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, new ReserveStock("r1", 1, TimeSpan.MaxValue, DateTimeOffset.MaxValue.AddDays(-1))));
    }

    [Fact]
    public void Confirm_moves_reserved_to_committed_and_its_retry_is_a_duplicate()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, new ConfirmReservation("r1", T0.AddMinutes(1)))));
        var retry = StockDecider.Decide(state, new ConfirmReservation("r1", T0.AddMinutes(2)));

        Assert.Equal(Buckets(available: 6, committed: 4), state.Buckets);
        Assert.Equal(ReservationStatus.Confirmed, Assert.IsType<StockDuplicate>(retry).Reservation!.Status);
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, new ReleaseReservation("r1", T0)));
    }

    [Fact]
    public void Release_returns_reserved_units_and_its_retry_is_a_duplicate()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4)));

        Assert.IsType<StockAccepted>(Run(state, StockDecider.Decide(state, new ReleaseReservation("r1", T0))));
        var retry = StockDecider.Decide(state, new ReleaseReservation("r1", T0));

        Assert.Equal(Buckets(available: 10), state.Buckets);
        Assert.Equal(ReservationStatus.Released, Assert.IsType<StockDuplicate>(retry).Reservation!.Status);
        Assert.IsType<StockInvalid>(StockDecider.Decide(state, new ConfirmReservation("r1", T0)));
        Assert.IsType<StockDuplicate>(StockDecider.Decide(state, Reserve("r1", 4)));
    }

    [Fact]
    public void Unknown_reservation_cannot_be_confirmed_or_released()
    {
        var state = Stocked(10);

        Assert.IsType<StockUnknownReservation>(StockDecider.Decide(state, new ConfirmReservation("nope", T0)));
        Assert.IsType<StockUnknownReservation>(StockDecider.Decide(state, new ReleaseReservation("nope", T0)));
    }

    [Fact]
    public void Expiry_returns_only_overdue_unconfirmed_reservations_earliest_first()
    {
        var state = Stocked(20);
        Run(state, StockDecider.Decide(state, Reserve("late", 1, ttlMinutes: 30)));
        Run(state, StockDecider.Decide(state, Reserve("b", 2, ttlMinutes: 5)));
        Run(state, StockDecider.Decide(state, Reserve("a", 3, ttlMinutes: 10)));
        Run(state, StockDecider.Decide(state, Reserve("kept", 4, ttlMinutes: 5)));
        Run(state, StockDecider.Decide(state, new ConfirmReservation("kept", T0.AddMinutes(1))));
        var now = T0.AddMinutes(10);

        var sweep = StockDecider.Decide(state, new ExpireReservations(now));
        Run(state, sweep);

        Assert.Equal([new ReservationExpired("b", now), new ReservationExpired("a", now)], sweep.Transitions);
        Assert.Equal(Buckets(available: 15, reserved: 1, committed: 4), state.Buckets);
        Assert.Empty(StockDecider.Decide(state, new ExpireReservations(now)).Transitions);
        Assert.Empty(StockInvariant.Check(state));
    }

    [Fact]
    public void Reservation_past_its_ttl_cannot_be_confirmed_even_before_the_sweep()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4, ttlMinutes: 5)));

        Assert.IsType<StockInvalid>(StockDecider.Decide(state, new ConfirmReservation("r1", T0.AddMinutes(5))));
        Assert.IsType<StockAccepted>(StockDecider.Decide(state, new ConfirmReservation("r1", T0.AddMinutes(4))));
    }

    [Fact]
    public void Released_or_expired_reservation_answers_release_as_a_duplicate()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("r1", 4, ttlMinutes: 5)));
        Run(state, StockDecider.Decide(state, new ExpireReservations(T0.AddMinutes(6))));

        var release = StockDecider.Decide(state, new ReleaseReservation("r1", T0.AddMinutes(7)));

        Assert.Equal(ReservationStatus.Expired, Assert.IsType<StockDuplicate>(release).Reservation!.Status);
        Assert.Equal(Buckets(available: 10), state.Buckets);
    }
}
