using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.IntegrationTests.Ledger;
using Actors.Ledger;
using Actors.Ledger.Projections;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Projections;

/// <summary>The projection's instruments: events applied per pass, rebuild duration, and the lag its owner reports.</summary>
[Collection(LedgerMetricsCollection.Name)]
public sealed class ProjectionMetricsTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _file = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string? Pass)> _measurements = new();
    private SqliteLedgerStore _ledger = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Actors.Ledger.Telemetry.LedgerInstruments.MeterName && instrument.Name.StartsWith("actors.projection.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        _ledger = new SqliteLedgerStore(_file.Path);
        await _ledger.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _ledger.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }

    [Fact]
    public async Task Applied_events_the_rebuild_duration_and_the_lag_are_measured()
    {
        var history = new BillingHistory(seed: 31, accountCount: 3);
        await _ledger.AppendBatchAsync(history.NextRows(100), CancellationToken.None);
        var store = new SqliteBalancesProjectionStore(_file.Path);
        await store.InitializeAsync(CancellationToken.None);
        await using var owner = new BalancesProjectionOwner(_ledger, store, new ProjectionOwnerSettings(25, 60, TimeSpan.FromSeconds(5)), TimeProvider.System);

        await owner.StartAsync(CancellationToken.None);
        await owner.RebuildCompletion;
        await _ledger.AppendBatchAsync(history.NextRows(30), CancellationToken.None);
        await owner.TailAsync(CancellationToken.None);
        _listener.RecordObservableInstruments();

        Assert.Equal(100, Sum(ProjectionInstruments.EventsAppliedName, "rebuild"));
        Assert.Equal(30, Sum(ProjectionInstruments.EventsAppliedName, "tail"));
        var duration = Assert.Single(_measurements, m => m.Instrument == ProjectionInstruments.RebuildDurationName);
        Assert.InRange(duration.Value, double.Epsilon, 60);
        Assert.Equal(0, _measurements.Last(m => m.Instrument == ProjectionInstruments.LagName).Value);
    }

    private double Sum(string instrument, string pass) => _measurements.Where(m => m.Instrument == instrument && m.Pass == pass).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pass = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "pass")
            {
                pass = tag.Value as string;
            }
        }
        _measurements.Enqueue((instrument.Name, value, pass));
    }
}
