using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The lane metrics of the Kafka adapter on meter <c>Actors</c>, with the names and tags the embedded lanes use too:
/// <c>actors.lane.delivered</c> (counter), <c>actors.lane.lag</c> (gauge per lane and partition this silo reads),
/// <c>actors.lane.dlq.depth</c> (gauge per lane). One meter per silo, so each silo of a test cluster reports its own.
/// </summary>
public sealed class KafkaInstruments : IDisposable
{
    /// <summary>The meter every Actors instrument lives on.</summary>
    public const string MeterName = "Actors";

    private readonly Meter _meter;
    private readonly Counter<long> _delivered;

    internal KafkaInstruments(KafkaPartitionDirectory partitions, KafkaDeadLetterQueue deadLetters)
    {
        _meter = new Meter(MeterName);
        _delivered = _meter.CreateCounter<long>("actors.lane.delivered", unit: "{event}", description: "Events delivered to their consumers, per lane and partition.");
        _meter.CreateObservableGauge(
            "actors.lane.lag",
            () => partitions.All.Select(p => new Measurement<long>(p.Lag, Tags(p.Lane, p.Partition))),
            unit: "{message}",
            description: "Partition high watermark minus committed offset, per lane and partition read by this silo.");
        _meter.CreateObservableGauge(
            "actors.lane.dlq.depth",
            () => deadLetters.KnownDepths().Select(d => new Measurement<long>(d.Depth, new TagList { { "lane", d.Lane } })),
            unit: "{message}",
            description: "Dead letters not yet replayed, per lane.");
    }

    internal void Delivered(string lane, int partition, int count)
    {
        if (count > 0)
        {
            _delivered.Add(count, Tags(lane, partition));
        }
    }

    /// <summary>Stops reporting this silo's instruments.</summary>
    public void Dispose() => _meter.Dispose();

    private static TagList Tags(string lane, int partition) => new() { { "lane", lane }, { "partition", partition } };
}
