using Actors.Streaming.Embedded;

namespace Actors.Hosting;

/// <summary>The <c>Actors:Lanes</c> configuration section.</summary>
public sealed class ActorsLaneSettings
{
    /// <summary>Moves event types between lanes: type -> <c>critical</c> | <c>bulk</c>. Types not listed keep their default lane.</summary>
    public Dictionary<string, string> Routing { get; set; } = [];

    /// <summary>
    /// The local profile's embedded lanes (SQLite <c>lanes.db</c> in the data directory): per-lane partitions, batch sizes,
    /// poll periods and delivery attempts. Its <c>DataDirectory</c> is always the silo's.
    /// </summary>
    public EmbeddedLaneOptions Embedded { get; set; } = new();
}
