using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Actors.Streaming.Telemetry;

namespace Actors.Streaming.Embedded;

/// <summary>
/// Counts the lane deliveries this process reports on <see cref="LaneInstruments.Delivered"/>, per lane and partition,
/// from the moment it starts.
/// </summary>
/// <remarks>
/// The embedded queue deletes a message when it is acknowledged and its offsets are shared by all partitions, so the file
/// holds no per-partition delivered count; this tally is the monotonic count the status diffs for a rate. It is one per
/// process (the counter is static too), so silos hosted in one process share it and see each other's deliveries: exact for
/// the <c>local</c> profile, where the silos sharing a queue file run in one process.
/// </remarks>
internal sealed class EmbeddedDeliveryTally
{
    private static readonly Lazy<EmbeddedDeliveryTally> Instance = new(() => new EmbeddedDeliveryTally(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<(string Lane, int Partition), StrongBox<long>> _delivered = new();
    // Lives as long as the process, like the static counter it listens to.
    private readonly MeterListener _listener = new();

    private EmbeddedDeliveryTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LaneInstruments.MeterName && instrument.Name == LaneInstruments.DeliveredName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnDelivered);
        _listener.Start();
    }

    /// <summary>The process's tally, started on first use.</summary>
    public static EmbeddedDeliveryTally Shared => Instance.Value;

    /// <summary>Messages of <paramref name="lane"/>/<paramref name="partition"/> delivered and acknowledged in this process since the tally started.</summary>
    public long Delivered(string lane, int partition) =>
        _delivered.TryGetValue((lane, partition), out var count) ? Interlocked.Read(ref count.Value) : 0;

    private void OnDelivered(Instrument instrument, long measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? lane = null;
        int? partition = null;
        foreach (var tag in tags)
        {
            if (tag.Key == LaneInstruments.LaneTag)
            {
                lane = tag.Value as string;
            }
            else if (tag.Key == LaneInstruments.PartitionTag && tag.Value is int number)
            {
                partition = number;
            }
        }
        if (lane is not null && partition is { } p)
        {
            Interlocked.Add(ref _delivered.GetOrAdd((lane, p), _ => new StrongBox<long>()).Value, measurement);
        }
    }
}
