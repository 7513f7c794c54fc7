using Actors.Domain.Lanes;

namespace Actors.Streaming.Lanes;

/// <summary>Stream provider names of the lanes: one Orleans persistent stream provider per lane.</summary>
public static class LaneNames
{
    public const string Critical = "critical";
    public const string Bulk = "bulk";

    public static string Of(Lane lane) => lane == Lane.Critical ? Critical : Bulk;

    public static IReadOnlyList<string> All { get; } = [Critical, Bulk];
}
