using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Contracts.Health;
using Actors.Ledger.Telemetry;

namespace Actors.Hosting.Health;

/// <summary>
/// The health indicators as gauges on the <c>Actors</c> meter: <c>actors.health.&lt;indicator&gt;</c> (the value, e.g.
/// <c>actors.health.error_rate</c>), <c>actors.health.indicator.state</c> (0 healthy, 1 degraded, 2 unhealthy, tagged
/// <c>indicator</c>) and <c>actors.health.status</c> (the silo's status, same encoding), each tagged <c>silo</c>.
/// </summary>
public static class HealthInstruments
{
    /// <summary>Prefix of every health instrument.</summary>
    public const string Prefix = "actors.health.";

    // Declared before the gauges: static initializers run in text order and the gauges' callbacks read it.
    private static readonly ConcurrentDictionary<object, Func<SiloHealthReport?>> Sources = new(ReferenceEqualityComparer.Instance);

    private static readonly Meter Meter = new(LedgerInstruments.MeterName);

    /// <summary>The silo's status: 0 healthy, 1 degraded, 2 unhealthy.</summary>
    public static readonly ObservableGauge<int> Status = Meter.CreateObservableGauge(Prefix + "status",
        () => Reports().Select(r => new Measurement<int>((int)r.Status, SiloTag(r))),
        description: "The silo's health: 0 healthy, 1 degraded, 2 unhealthy.");

    /// <summary>Each indicator's state: 0 healthy, 1 degraded, 2 unhealthy.</summary>
    public static readonly ObservableGauge<int> IndicatorState = Meter.CreateObservableGauge(Prefix + "indicator.state",
        () => Reports().SelectMany(r => r.Indicators.Select(i => new Measurement<int>((int)i.State, SiloTag(r), new("indicator", i.Name)))),
        description: "Each health indicator's state: 0 healthy, 1 degraded, 2 unhealthy.");

    /// <summary>The value gauges, one per indicator, by indicator name.</summary>
    public static readonly IReadOnlyDictionary<string, ObservableGauge<double>> Values = HealthIndicatorNames.All.ToDictionary(
        name => name,
        name => Meter.CreateObservableGauge(InstrumentName(name),
            () => Reports().SelectMany(r => r.Indicators.Where(i => i.Name == name).Select(i => new Measurement<double>(i.Value, SiloTag(r)))),
            description: $"The health indicator {name}, in the unit its thresholds use."),
        StringComparer.Ordinal);

    /// <summary>The value gauge's name of <paramref name="indicator"/>: <c>actors.health.</c> and the name with underscores.</summary>
    public static string InstrumentName(string indicator) => Prefix + indicator.Replace('-', '_');

    /// <summary>Reports <paramref name="latest"/> on the gauges until <see cref="RemoveSource"/> is called for <paramref name="owner"/>.</summary>
    public static void AddSource(object owner, Func<SiloHealthReport?> latest)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(latest);
        Sources[owner] = latest;
    }

    /// <summary>Stops reporting <paramref name="owner"/>'s source.</summary>
    public static void RemoveSource(object owner) => Sources.TryRemove(owner, out _);

    private static IEnumerable<SiloHealthReport> Reports() =>
        Sources.Values.Select(s => s()).OfType<SiloHealthReport>().ToList();

    private static KeyValuePair<string, object?> SiloTag(SiloHealthReport report) => new("silo", report.SiloName);
}
