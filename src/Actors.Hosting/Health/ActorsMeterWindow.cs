using System.Diagnostics.Metrics;
using Actors.Grains.Telemetry;
using Actors.Ledger.Telemetry;
using Actors.Streaming.Lanes;

namespace Actors.Hosting.Health;

/// <summary>
/// Listens to the <c>Actors</c> meter in this process and keeps the counts health needs in time slots covering the recent
/// window, so a reading is a sum over slots rather than a log of every measurement.
/// </summary>
/// <remarks>
/// Latencies go into log-scale buckets (each 10% wider than the last), so the p99 costs a fixed amount of memory whatever
/// the load. The listener sees every meter of the process: in-process test clusters with several silos count together.
/// </remarks>
public sealed class ActorsMeterWindow : IDisposable
{
    private const int MaxSlots = 300;
    private const double FirstBucketMs = 0.1;
    private const double BucketGrowth = 1.1;
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(3_600_000 / FirstBucketMs) / Math.Log(BucketGrowth)) + 1;

    private enum Count
    {
        EventsRecorded,
        Duplicates,
        LedgerBatches,
        FailedLedgerBatches,
        AccountsChecked,
        Mismatches,
    }

    private static readonly Dictionary<string, Count> Counters = new(StringComparer.Ordinal)
    {
        ["actors.events.recorded"] = Count.EventsRecorded,
        ["actors.events.duplicates"] = Count.Duplicates,
        [LedgerInstruments.BatchSizeName] = Count.LedgerBatches,
        [LedgerInstruments.FailedBatchesName] = Count.FailedLedgerBatches,
        ["actors.reconciliation.accounts_checked"] = Count.AccountsChecked,
        ["actors.reconciliation.mismatches"] = Count.Mismatches,
    };

    private const string LatencyName = "actors.events.e2e_latency";

    private readonly TimeProvider _time;
    private readonly long _slotTicks;
    private readonly Slot[] _slots;
    private readonly Lock _gate = new();
    private readonly MeterListener _listener = new();

    /// <summary>Starts listening; readings cover the last <paramref name="window"/> by the clock of <paramref name="time"/>.</summary>
    public ActorsMeterWindow(TimeProvider time, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        }
        _time = time;
        _slotTicks = Math.Max(TimeSpan.TicksPerSecond / 10, window.Ticks / MaxSlots);
        _slots = new Slot[(int)Math.Ceiling(window.Ticks / (double)_slotTicks)];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot(BucketCount);
        }
        // Each instrument's Count is resolved once, when it is published, and handed back with every measurement as the
        // listener state: the callbacks run on the grains' hot path and must not look names up per event.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != LedgerInstruments.MeterName)
            {
                return;
            }
            if (Counters.TryGetValue(instrument.Name, out var count))
            {
                listener.EnableMeasurementEvents(instrument, count);
            }
            else if (instrument.Name == LatencyName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, state) => Add(state, value));
        // The int instruments counted here are histograms of a batch's size: each measurement is one batch.
        _listener.SetMeasurementEventCallback<int>((_, _, _, state) => Add(state, 1));
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The counts of the window ending now.</summary>
    public MeterWindowReading Read()
    {
        var now = CurrentSlot();
        var counts = new long[Enum.GetValues<Count>().Length];
        var buckets = new long[BucketCount];
        lock (_gate)
        {
            foreach (var slot in _slots)
            {
                if (slot.Stamp > now - _slots.Length && slot.Stamp <= now)
                {
                    for (var i = 0; i < counts.Length; i++)
                    {
                        counts[i] += slot.Counts[i];
                    }
                    for (var i = 0; i < buckets.Length; i++)
                    {
                        buckets[i] += slot.Latency[i];
                    }
                }
            }
        }
        var samples = buckets.Sum();
        return new MeterWindowReading(
            counts[(int)Count.EventsRecorded], counts[(int)Count.Duplicates], counts[(int)Count.LedgerBatches],
            counts[(int)Count.FailedLedgerBatches], counts[(int)Count.AccountsChecked], counts[(int)Count.Mismatches],
            samples, Percentile(buckets, samples, 0.99));
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name != LatencyName)
        {
            return;
        }
        foreach (var tag in tags)
        {
            if (tag.Key == "lane" && tag.Value as string == LaneNames.Critical)
            {
                var bucket = value <= FirstBucketMs ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(value / FirstBucketMs) / Math.Log(BucketGrowth)));
                lock (_gate)
                {
                    SlotNow().Latency[bucket]++;
                }
                return;
            }
        }
    }

    private void Add(object? state, long value)
    {
        if (state is not Count count)
        {
            return;
        }
        lock (_gate)
        {
            SlotNow().Counts[(int)count] += value;
        }
    }

    private long CurrentSlot() => _time.GetUtcNow().UtcTicks / _slotTicks;

    // Called under _gate: a slot last used a full window ago is cleared before it counts again.
    private Slot SlotNow()
    {
        var stamp = CurrentSlot();
        var slot = _slots[stamp % _slots.Length];
        if (slot.Stamp != stamp)
        {
            Array.Clear(slot.Counts);
            Array.Clear(slot.Latency);
            slot.Stamp = stamp;
        }
        return slot;
    }

    private static double Percentile(long[] buckets, long samples, double quantile)
    {
        if (samples == 0)
        {
            return 0;
        }
        var target = (long)Math.Ceiling(samples * quantile);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= target)
            {
                return FirstBucketMs * Math.Pow(BucketGrowth, i);
            }
        }
        return FirstBucketMs * Math.Pow(BucketGrowth, buckets.Length - 1);
    }

    private sealed class Slot(int buckets)
    {
        public long Stamp { get; set; } = long.MinValue;

        public long[] Counts { get; } = new long[Enum.GetValues<Count>().Length];

        public long[] Latency { get; } = new long[buckets];
    }
}
