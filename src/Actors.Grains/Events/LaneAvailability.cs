namespace Actors.Grains.Events;

/// <summary>
/// Whether this silo has lanes. The cluster profile needs Kafka for them; without it the lanes are off and publishing says
/// so clearly instead of failing deep inside Orleans for a stream provider that does not exist.
/// </summary>
public sealed record LaneAvailability(bool Enabled, string DisabledReason = "");
