namespace Actors.Hosting.Health;

/// <summary>How long the oldest unprocessed message of a lane has been waiting, as far as this silo has observed.</summary>
/// <param name="Lane">The lane.</param>
/// <param name="Seconds">The age of the longest-waiting partition head; 0 when every partition is empty.</param>
/// <param name="Pending">Messages pending on the whole lane.</param>
/// <param name="Partition">The partition whose head waits longest; null when nothing waits.</param>
public sealed record LaneBacklogAge(string Lane, double Seconds, long Pending, int? Partition);
