namespace Actors.Domain.Detection;

/// <summary>
/// What one telemetry event did: how many rules counted it, how many had already counted it (a redelivery), and the
/// detections it completed.
/// </summary>
public sealed record DetectorObservation(int Counted, int Duplicates, IReadOnlyList<RuleFiring> Detections)
{
    /// <summary>Whether every rule that matched had already counted the event: a redelivery.</summary>
    public bool IsDuplicate => Duplicates > 0 && Counted == 0;
}
