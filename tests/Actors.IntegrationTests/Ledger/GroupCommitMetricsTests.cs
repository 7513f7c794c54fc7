using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Ledger;
using Actors.Ledger.Telemetry;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>The writer's instruments report what happened to each batch.</summary>
[Collection(LedgerMetricsCollection.Name)]
public sealed class GroupCommitMetricsTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _file = new();
    private readonly SqliteLedgerStore _sqlite;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value)> _measurements = new();

    public GroupCommitMetricsTests()
    {
        _sqlite = new SqliteLedgerStore(_file.Path);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LedgerInstruments.MeterName && instrument.Name.StartsWith("actors.ledger.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
        _listener.Start();
    }

    public Task InitializeAsync() => _sqlite.InitializeAsync(TestTimeout.Token());

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _sqlite.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Batch_sizes_durations_appends_duplicates_and_conflicts_are_measured()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var ledger = SampleAppends.NewLedger();
        await using (var writer = new GroupCommitLedgerWriter(store, new GroupCommitOptions()))
        {
            var first = writer.AppendAsync(SampleAppends.Row(ledger, 1, seq: 1), TestTimeout.Token());
            await held.Entered;
            var second = new[]
            {
                writer.AppendAsync(SampleAppends.Row(ledger, 2, seq: 1), TestTimeout.Token()),
                writer.AppendAsync(SampleAppends.Row(ledger, 2, seq: 2), TestTimeout.Token()),
                writer.AppendAsync(SampleAppends.Row(ledger, 1, seq: 3), TestTimeout.Token()),
            };
            held.Release();
            await first;
            await Task.WhenAll(second[0], second[1]);
            await Assert.ThrowsAsync<LedgerPositionConflictException>(() => second[2]);
        }
        // Counters of a batch are recorded before its callers complete, but the listener may run on another thread: the
        // writer is disposed above, so every measurement of this test has been made.

        Assert.Equal([1.0, 3.0], Values(LedgerInstruments.BatchSizeName));
        Assert.Equal(2, Values(LedgerInstruments.CommitDurationName).Count);
        Assert.All(Values(LedgerInstruments.CommitDurationName), ms => Assert.True(ms > 0));
        Assert.Equal(2, Values(LedgerInstruments.AppendsName).Sum());
        Assert.Equal(1, Values(LedgerInstruments.DuplicatesName).Sum());
        Assert.Equal(1, Values(LedgerInstruments.PositionConflictsName).Sum());
        Assert.Equal(0, Values(LedgerInstruments.FailedBatchesName).Sum());
    }

    [Fact]
    public async Task A_failed_batch_is_counted_and_acknowledges_nothing()
    {
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = (_, _) => throw new TimeoutException("database unreachable") };
        await using (var writer = new GroupCommitLedgerWriter(store, new GroupCommitOptions()))
        {
            await Assert.ThrowsAsync<TimeoutException>(
                () => writer.AppendAsync(SampleAppends.Row(SampleAppends.NewLedger(), 1), TestTimeout.Token()));
        }

        Assert.Equal(1, Values(LedgerInstruments.FailedBatchesName).Sum());
        Assert.Empty(Values(LedgerInstruments.BatchSizeName));
        Assert.Equal(0, Values(LedgerInstruments.AppendsName).Sum());
    }

    private List<double> Values(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();
}
