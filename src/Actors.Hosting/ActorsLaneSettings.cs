namespace Actors.Hosting;

/// <summary>The <c>Actors:Lanes</c> configuration section.</summary>
public sealed class ActorsLaneSettings
{
    /// <summary>Moves event types between lanes: type -> <c>critical</c> | <c>bulk</c>. Types not listed keep their default lane.</summary>
    public Dictionary<string, string> Routing { get; set; } = [];
}
