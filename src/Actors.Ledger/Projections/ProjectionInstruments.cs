using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Actors.Ledger.Projections;

/// <summary>The projections' instruments on the <c>Actors</c> meter.</summary>
public static class ProjectionInstruments
{
    /// <summary>Name of <see cref="RebuildDuration"/>.</summary>
    public const string RebuildDurationName = "actors.projection.rebuild.duration";

    /// <summary>Name of <see cref="EventsApplied"/>.</summary>
    public const string EventsAppliedName = "actors.projection.events.applied";

    /// <summary>Name of the lag gauge, fed by <see cref="ReportLag"/>.</summary>
    public const string LagName = "actors.projection.lag";

    private static readonly Meter Meter = new(Telemetry.LedgerInstruments.MeterName);

    // Only the silo that owns a projection reports its lag; an owner that moves away stops reporting here.
    private static readonly ConcurrentDictionary<string, long> Lags = new(StringComparer.Ordinal);

    /// <summary>Wall-clock time of a completed rebuild, from its start to the switch, tagged by projection.</summary>
    public static readonly Histogram<double> RebuildDuration =
        Meter.CreateHistogram<double>(RebuildDurationName, unit: "s", description: "Duration of a projection rebuild, from start to the switch of readers.");

    /// <summary>Ledger rows applied to a projection, tagged by projection and by pass (tail or rebuild).</summary>
    public static readonly Counter<long> EventsApplied =
        Meter.CreateCounter<long>(EventsAppliedName, unit: "{event}", description: "Ledger rows applied to a projection's read model.");

    private static readonly ObservableGauge<long> Lag = Meter.CreateObservableGauge(
        LagName,
        () => Lags.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("projection", pair.Key))),
        unit: "{event}",
        description: "Ledger positions the active version of a projection is behind the ledger head, reported by its owner.");

    /// <summary>Records the lag of <paramref name="projection"/> as its owner last measured it.</summary>
    public static void ReportLag(string projection, long lag) => Lags[projection] = lag;

    /// <summary>Stops reporting the lag of <paramref name="projection"/> (its owner is leaving this silo).</summary>
    public static void ForgetLag(string projection) => Lags.TryRemove(projection, out _);

    /// <summary>The lag last reported for <paramref name="projection"/> on this silo, or null; for health checks and tests.</summary>
    public static long? ReportedLag(string projection) => Lags.TryGetValue(projection, out var lag) ? lag : null;
}
