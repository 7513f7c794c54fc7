namespace Actors.Tests.Health;

/// <summary>A switch the tests flip to make a lane partition look stuck: messages pending that its consumer does not take.</summary>
public sealed class LaneStall
{
    private volatile bool _active;

    /// <summary>Whether the partition is reported stuck.</summary>
    public bool Active => _active;

    public void Start() => _active = true;

    public void Stop() => _active = false;
}
