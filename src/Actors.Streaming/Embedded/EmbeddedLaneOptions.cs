using Actors.Streaming.Lanes;

namespace Actors.Streaming.Embedded;

/// <summary>The embedded durable lanes of the <c>local</c> profile: where the queue file lives and how each lane behaves.</summary>
public sealed class EmbeddedLaneOptions
{
    /// <summary>Directory of the queue file <see cref="SqliteLaneStore.FileName"/>; created if missing. Relative paths are resolved against the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The <c>critical</c> lane.</summary>
    public EmbeddedLaneSettings Critical { get; set; } = EmbeddedLaneSettings.CriticalDefaults();

    /// <summary>The <c>bulk</c> lane.</summary>
    public EmbeddedLaneSettings Bulk { get; set; } = EmbeddedLaneSettings.BulkDefaults();

    /// <summary>The settings of <paramref name="lane"/> (<see cref="LaneNames.Critical"/> or <see cref="LaneNames.Bulk"/>).</summary>
    public EmbeddedLaneSettings For(string lane) => lane switch
    {
        LaneNames.Critical => Critical,
        LaneNames.Bulk => Bulk,
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Unknown lane; the lanes are {string.Join(", ", LaneNames.All)}."),
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("Embedded lanes need a DataDirectory.");
        }
        foreach (var lane in LaneNames.All)
        {
            (For(lane) ?? throw new ArgumentException($"Embedded lane '{lane}' has no settings.")).Validate(lane);
        }
    }
}
