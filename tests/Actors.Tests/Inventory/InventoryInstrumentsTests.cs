using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Grains.Telemetry;

namespace Actors.Tests.Inventory;

/// <summary>The inventory instruments report each call under its name and outcome tag, and refuse values they do not know.</summary>
public sealed class InventoryInstrumentsTests : IDisposable
{
    // The meter is process-wide and other test classes run stock grains in parallel: only measurements made on this test's
    // own async flow count (a counter calls its listeners synchronously, on the caller's flow).
    private static readonly AsyncLocal<bool> ThisTest = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, string? Outcome)> _measurements = new();

    public InventoryInstrumentsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InventoryInstruments.MeterName && instrument.Name.StartsWith("actors.inventory.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!ThisTest.Value)
            {
                return;
            }
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == InventoryInstruments.OutcomeTag)
                {
                    outcome = (string?)tag.Value;
                }
            }
            _measurements.Enqueue((instrument.Name, value, outcome));
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Each_settled_reservation_is_counted_once_under_its_outcome()
    {
        ThisTest.Value = true;

        InventoryInstruments.ReservationSettled(InventoryInstruments.Reserved);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Reserved);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Duplicate);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Insufficient);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Conflict);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Invalid);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Confirmed);
        InventoryInstruments.ReservationSettled(InventoryInstruments.Released);

        var counts = _measurements
            .Where(m => m.Instrument == InventoryInstruments.ReservationsName)
            .GroupBy(m => m.Outcome)
            .ToDictionary(g => g.Key ?? "(untagged)", g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long>
        {
            ["reserved"] = 2, ["duplicate"] = 1, ["insufficient"] = 1, ["conflict"] = 1, ["invalid"] = 1, ["confirmed"] = 1, ["released"] = 1,
        }, counts);
        Assert.Equal(["reserved", "duplicate", "insufficient", "conflict", "invalid", "confirmed", "released"], InventoryInstruments.Outcomes);
    }

    [Fact]
    public void An_unknown_outcome_is_refused_and_counts_nothing()
    {
        ThisTest.Value = true;

        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => InventoryInstruments.ReservationSettled("Reserved"));

        Assert.Contains("reserved, duplicate", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(_measurements);
    }

    [Fact]
    public void Expired_reservations_and_transferred_units_are_counted_without_tags()
    {
        ThisTest.Value = true;

        InventoryInstruments.ReservationsExpired(3);
        InventoryInstruments.ReservationsExpired(0);
        InventoryInstruments.UnitsTransferred(40);
        InventoryInstruments.UnitsTransferred(0);
        InventoryInstruments.UnitsTransferred(2);

        Assert.Equal([(InventoryInstruments.ExpiredName, 3L, (string?)null)], _measurements.Where(m => m.Instrument == InventoryInstruments.ExpiredName));
        Assert.Equal([40L, 2L], _measurements.Where(m => m.Instrument == InventoryInstruments.TransferredUnitsName).Select(m => m.Value));
        Assert.All(_measurements, m => Assert.Null(m.Outcome));
        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryInstruments.UnitsTransferred(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryInstruments.ReservationsExpired(-1));
    }
}
