namespace Actors.Grains.Detection;

/// <summary>
/// The detector of one telemetry entity (key <c>tenant/entity</c>, the bulk lane stream's key: a principal, a host, or a
/// bucket of them). Orleans activates it through its implicit stream subscription; its one call reports what it has seen.
/// </summary>
[Alias("detection.detector")]
public interface IDetectorGrain : IGrainWithStringKey
{
    /// <summary>What this activation has processed and raised since it activated.</summary>
    [Alias("status")]
    Task<DetectorStatus> GetStatus();
}
