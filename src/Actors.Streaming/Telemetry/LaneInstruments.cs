using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Actors.Streaming.Telemetry;

/// <summary>
/// The lanes' instruments on the <c>Actors</c> meter, shared by every lane adapter (embedded and Kafka), tagged
/// <see cref="LaneTag"/> and, per partition, <see cref="PartitionTag"/>.
/// </summary>
/// <remarks>
/// Lag and dead-letter depth are observable gauges: each adapter registers a source (<see cref="AddLagSource"/>,
/// <see cref="AddDeadLetterDepthSource"/>) that reads its queue when a collector asks, so a gauge shows the queue's truth,
/// not a counter that drifts after a crash. One instrument per name for all adapters, because two instruments of the same
/// name on one meter would be exported as conflicting series.
/// </remarks>
public static class LaneInstruments
{
    /// <summary>Name of the meter every Actors component reports on.</summary>
    public const string MeterName = "Actors";

    /// <summary>Name of <see cref="Delivered"/>.</summary>
    public const string DeliveredName = "actors.lane.delivered";

    /// <summary>Name of the lag gauge: messages enqueued on a partition and not yet acknowledged.</summary>
    public const string LagName = "actors.lane.lag";

    /// <summary>Name of the dead-letter depth gauge: envelopes in a lane's dead-letter queue.</summary>
    public const string DeadLetterDepthName = "actors.lane.dlq.depth";

    /// <summary>Tag holding the lane (stream provider) name.</summary>
    public const string LaneTag = "lane";

    /// <summary>Tag holding the 0-based partition (Orleans queue) of the lane.</summary>
    public const string PartitionTag = "partition";

    // Declared before the gauges: static initializers run in text order and the gauges' callbacks read these.
    private static readonly ConcurrentDictionary<object, Func<IEnumerable<Measurement<long>>>> LagSources = new(ReferenceEqualityComparer.Instance);
    private static readonly ConcurrentDictionary<object, Func<IEnumerable<Measurement<long>>>> DeadLetterDepthSources = new(ReferenceEqualityComparer.Instance);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages a lane delivered and acknowledged (dead-lettered ones are not counted here).</summary>
    public static readonly Counter<long> Delivered =
        Meter.CreateCounter<long>(DeliveredName, unit: "{message}", description: "Lane messages delivered to their consumers and acknowledged.");

    /// <summary>Messages enqueued on a partition and not yet acknowledged, read from every registered lag source.</summary>
    public static readonly ObservableGauge<long> Lag =
        Meter.CreateObservableGauge(LagName, () => Collect(LagSources), unit: "{message}",
            description: "Lane messages enqueued on a partition and not yet acknowledged.");

    /// <summary>Envelopes in each lane's dead-letter queue, read from every registered depth source.</summary>
    public static readonly ObservableGauge<long> DeadLetterDepth =
        Meter.CreateObservableGauge(DeadLetterDepthName, () => Collect(DeadLetterDepthSources), unit: "{message}",
            description: "Envelopes in a lane's dead-letter queue.");

    /// <summary>Counts <paramref name="messages"/> delivered and acknowledged on <paramref name="lane"/>/<paramref name="partition"/>.</summary>
    public static void RecordDelivered(string lane, int partition, long messages)
    {
        if (messages > 0)
        {
            Delivered.Add(messages, new KeyValuePair<string, object?>(LaneTag, lane), new KeyValuePair<string, object?>(PartitionTag, partition));
        }
    }

    /// <summary>A lag reading of one partition, for a lag source.</summary>
    public static Measurement<long> LagMeasurement(string lane, int partition, long messages) =>
        new(messages, new KeyValuePair<string, object?>(LaneTag, lane), new KeyValuePair<string, object?>(PartitionTag, partition));

    /// <summary>A dead-letter depth reading of one lane, for a depth source.</summary>
    public static Measurement<long> DeadLetterDepthMeasurement(string lane, long messages) =>
        new(messages, new KeyValuePair<string, object?>(LaneTag, lane));

    /// <summary>Reports <paramref name="source"/>'s readings on the lag gauge until <see cref="RemoveSources"/> is called for <paramref name="owner"/>.</summary>
    public static void AddLagSource(object owner, Func<IEnumerable<Measurement<long>>> source)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(source);
        LagSources[owner] = source;
    }

    /// <summary>Reports <paramref name="source"/>'s readings on the dead-letter depth gauge until <see cref="RemoveSources"/> is called for <paramref name="owner"/>.</summary>
    public static void AddDeadLetterDepthSource(object owner, Func<IEnumerable<Measurement<long>>> source)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(source);
        DeadLetterDepthSources[owner] = source;
    }

    /// <summary>Stops reporting every source <paramref name="owner"/> registered.</summary>
    public static void RemoveSources(object owner)
    {
        LagSources.TryRemove(owner, out _);
        DeadLetterDepthSources.TryRemove(owner, out _);
    }

    private static IEnumerable<Measurement<long>> Collect(ConcurrentDictionary<object, Func<IEnumerable<Measurement<long>>>> sources)
    {
        var readings = new List<Measurement<long>>();
        foreach (var source in sources.Values)
        {
            readings.AddRange(source());
        }
        return readings;
    }
}
