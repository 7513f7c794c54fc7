namespace Actors.Grains.Detection;

/// <summary>
/// A detector activation's counters. They restart at zero with the activation, like the detector's windows.
/// </summary>
/// <param name="Processed">Telemetry events delivered (redeliveries included).</param>
/// <param name="Duplicates">Deliveries every matching rule had already counted.</param>
/// <param name="Dropped">Malformed events parked in the bulk lane's dead-letter queue.</param>
/// <param name="AlertsRaised">Alerts published.</param>
/// <param name="AlertsPending">Alerts decided but not yet published (a publish failed; retried on the next delivery).</param>
/// <param name="Groups">Rule-group windows held.</param>
[GenerateSerializer, Immutable, Alias("detection.detector-status")]
public sealed record DetectorStatus(
    [property: Id(0)] long Processed,
    [property: Id(1)] long Duplicates,
    [property: Id(2)] long Dropped,
    [property: Id(3)] long AlertsRaised,
    [property: Id(4)] int AlertsPending,
    [property: Id(5)] int Groups);
