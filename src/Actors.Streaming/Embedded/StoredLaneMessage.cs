namespace Actors.Streaming.Embedded;

/// <summary>A message durably enqueued on a lane partition and not yet acknowledged.</summary>
/// <param name="Offset">Its position: increasing within the partition, never reused; the Orleans sequence number.</param>
/// <param name="Message">The stream and envelope.</param>
public sealed record StoredLaneMessage(long Offset, LaneMessage Message);
