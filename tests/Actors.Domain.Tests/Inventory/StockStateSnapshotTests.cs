using System.Text.Json;
using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Actors.Domain.Tests.Inventory.Simulation;
using static Actors.Domain.Tests.Inventory.SampleStock;

namespace Actors.Domain.Tests.Inventory;

public sealed class StockStateSnapshotTests
{
    [Fact]
    public void Snapshot_through_json_restores_the_state_exactly()
    {
        var state = Stocked(10);
        Run(state, StockDecider.Decide(state, Reserve("b", 2)));
        Run(state, StockDecider.Decide(state, Reserve("a", 3)));
        Run(state, StockDecider.Decide(state, new ConfirmReservation("a", T0)));
        Run(state, StockDecider.Decide(state, Damaged(1, seq: 4, source: "store")));

        var json = JsonSerializer.Serialize(state.ToStateSnapshot());
        var restored = StockState.FromStateSnapshot(JsonSerializer.Deserialize<StockStateSnapshot>(json)!);

        Assert.Equal(SimulatedStockGrain.Fingerprint(state), SimulatedStockGrain.Fingerprint(restored));
        Assert.Equal(4, restored.Dedup.Find("store")!.Intervals.Single().Start);
    }

    [Fact]
    public void Snapshot_that_breaks_conservation_is_refused()
    {
        var snapshot = Stocked(10).ToStateSnapshot() with { Received = 11 };

        var error = Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(snapshot));
        Assert.Contains("received 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_with_a_negative_bucket_or_reserved_units_no_reservation_holds_is_refused()
    {
        var negative = new StockStateSnapshot { Buckets = Buckets(available: 2, damaged: -2) };
        var unheld = new StockStateSnapshot { Buckets = Buckets(reserved: 2), Received = 2 };

        Assert.Contains("negative", Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(negative)).Message, StringComparison.Ordinal);
        Assert.Contains("open reservations hold 0", Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(unheld)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_with_committed_units_no_confirmed_reservation_accounts_for_is_refused()
    {
        var snapshot = new StockStateSnapshot
        {
            Buckets = Buckets(committed: 3),
            Received = 3,
            Reservations = [new Reservation("r1", 2, T0, ReservationStatus.Confirmed)],
        };

        Assert.Contains("account for only 2", Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(snapshot)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_of_an_unknown_format_or_with_repeated_reservations_is_refused()
    {
        var reservation = new Reservation("r1", 1, T0, ReservationStatus.Released);

        Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(new StockStateSnapshot { Format = 2 }));
        Assert.Throws<InvalidOperationException>(() => StockState.FromStateSnapshot(new StockStateSnapshot { Reservations = [reservation, reservation] }));
    }
}
