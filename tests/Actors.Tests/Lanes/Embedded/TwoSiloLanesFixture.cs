namespace Actors.Tests.Lanes.Embedded;

/// <summary>Two silos on one lanes file, shared by the tests of a class (each test works in its own probe run).</summary>
public sealed class TwoSiloLanesFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public EmbeddedLaneCluster Lanes { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Lanes = await EmbeddedLaneCluster.StartAsync(_directory.Path, silos: 2, EmbeddedLaneCluster.FastSettings);

    public async Task DisposeAsync()
    {
        await Lanes.DisposeAsync();
        _directory.Dispose();
    }
}
