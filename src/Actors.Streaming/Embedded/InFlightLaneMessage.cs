namespace Actors.Streaming.Embedded;

/// <summary>A message a receiver handed to its pulling agent and has not acknowledged yet.</summary>
internal sealed class InFlightLaneMessage(StoredLaneMessage stored, long readAt)
{
    public StoredLaneMessage Stored { get; } = stored;

    public long Offset => Stored.Offset;

    /// <summary>When it was read (<see cref="System.Diagnostics.Stopwatch"/> timestamp): its delivery cannot have started earlier.</summary>
    public long ReadAt { get; } = readAt;

    /// <summary>Delivered, or dead-lettered: its offset may be acknowledged once every earlier one is settled too.</summary>
    public bool Settled { get; set; }
}
