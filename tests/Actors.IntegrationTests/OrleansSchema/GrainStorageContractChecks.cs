using Orleans.Storage;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// Checks of the optimistic-concurrency contract of our grain-storage SQL, driven through Orleans' own ADO.NET
/// provider (<see cref="IGrainStorage"/> resolved from a running silo), so they hold for every database we ship SQL for.
/// </summary>
public static class GrainStorageContractChecks
{
    private const string GrainType = "orleans-schema-probe";

    /// <summary>Two holders of the same version: the first write wins, the second is refused and changes nothing.</summary>
    public static async Task StaleWriteIsRefusedAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        var grainId = NewStringKeyedGrain();
        var first = new GrainState<ProbeState>(new ProbeState { Value = "created" });
        await storage.WriteStateAsync(GrainType, grainId, first, cancellationToken);
        Assert.Equal("1", first.ETag);

        var stale = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, stale, cancellationToken);
        Assert.Equal("1", stale.ETag);
        Assert.Equal("created", ValueOf(stale).Value);

        ValueOf(first).Value = "first writer";
        await storage.WriteStateAsync(GrainType, grainId, first, cancellationToken);
        Assert.Equal("2", first.ETag);

        ValueOf(stale).Value = "stale writer";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, stale, cancellationToken));

        var stored = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, stored, cancellationToken);
        Assert.Equal("first writer", ValueOf(stored).Value);
        Assert.Equal("2", stored.ETag);
    }

    /// <summary>Two activations that both believe the grain was never stored: only one may create it.</summary>
    public static async Task SecondCreateIsRefusedAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        var grainId = NewStringKeyedGrain();
        var winner = new GrainState<ProbeState>(new ProbeState { Value = "winner" });
        var loser = new GrainState<ProbeState>(new ProbeState { Value = "loser" });

        await storage.WriteStateAsync(GrainType, grainId, winner, cancellationToken);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, loser, cancellationToken));

        var stored = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, stored, cancellationToken);
        Assert.Equal("winner", ValueOf(stored).Value);
    }

    /// <summary>
    /// Many activations racing with the same expectation, all at once: to create a grain never stored, then to replace
    /// the version they all read. Each time exactly one wins.
    /// </summary>
    public static async Task RacingWritersHaveOneWinnerAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        const int writers = 8;
        var grainId = NewStringKeyedGrain();

        var creates = await RaceAsync(writers, i => new GrainState<ProbeState>(new ProbeState { Value = $"create {i}" }));
        Assert.Equal(1, creates.Count(won => won));

        var current = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, current, cancellationToken);
        var replaces = await RaceAsync(writers, i => new GrainState<ProbeState>(new ProbeState { Value = $"replace {i}" }, current.ETag));
        Assert.Equal(1, replaces.Count(won => won));

        var stored = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, stored, cancellationToken);
        Assert.Equal("2", stored.ETag);
        Assert.StartsWith("replace ", ValueOf(stored).Value);

        async Task<bool[]> RaceAsync(int count, Func<int, GrainState<ProbeState>> contender)
        {
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
            {
                var state = contender(i);
                start.Wait(cancellationToken);
                try
                {
                    await storage.WriteStateAsync(GrainType, grainId, state, cancellationToken);
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            }, cancellationToken)).ToArray();
            start.Set();
            return await Task.WhenAll(attempts);
        }
    }

    /// <summary>
    /// A clear empties the state but keeps counting versions: the cleared grain reads as not existing, a writer from
    /// before the clear is refused, and the holder of the post-clear version can write again.
    /// </summary>
    public static async Task ClearKeepsTheVersionChainAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        var grainId = NewStringKeyedGrain();
        var owner = new GrainState<ProbeState>(new ProbeState { Value = "before clear" });
        await storage.WriteStateAsync(GrainType, grainId, owner, cancellationToken);
        var beforeClear = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, beforeClear, cancellationToken);

        await storage.ClearStateAsync(GrainType, grainId, owner, cancellationToken);
        Assert.Equal("2", owner.ETag);
        Assert.False(owner.RecordExists);

        var cleared = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, cleared, cancellationToken);
        Assert.False(cleared.RecordExists);
        Assert.Equal("", ValueOf(cleared).Value);
        Assert.Equal("2", cleared.ETag);

        ValueOf(beforeClear).Value = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, beforeClear, cancellationToken));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(GrainType, grainId, beforeClear, cancellationToken));

        ValueOf(cleared).Value = "after clear";
        await storage.WriteStateAsync(GrainType, grainId, cleared, cancellationToken);
        Assert.Equal("3", cleared.ETag);
        var reread = new GrainState<ProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, reread, cancellationToken);
        Assert.True(reread.RecordExists);
        Assert.Equal("after clear", ValueOf(reread).Value);
    }

    /// <summary>
    /// Every key shape Orleans maps onto the table's key columns (integer and GUID keys with and without an extension,
    /// string keys) is stored under its own row: none reads or overwrites another's state.
    /// </summary>
    public static async Task EveryKeyShapeHasItsOwnRowAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        var type = Orleans.Runtime.GrainType.Create(GrainType);
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        var guid = Guid.NewGuid();
        var grains = new Dictionary<string, GrainId>
        {
            ["integer"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            ["integer+ext"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext")),
            ["integer+ext2"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext2")),
            ["guid"] = GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            ["guid+ext"] = GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            ["string"] = GrainId.Create(type, $"{number}"),
        };

        foreach (var (shape, grainId) in grains)
        {
            var state = new GrainState<ProbeState>(new ProbeState { Value = shape });
            await storage.WriteStateAsync(GrainType, grainId, state, cancellationToken);
            Assert.Equal("1", state.ETag);
        }

        foreach (var (shape, grainId) in grains)
        {
            var state = new GrainState<ProbeState>();
            await storage.ReadStateAsync(GrainType, grainId, state, cancellationToken);
            Assert.True(state.RecordExists, shape);
            Assert.Equal(shape, ValueOf(state).Value);
            Assert.Equal("1", state.ETag);
        }
    }

    // Orleans' GrainState<T> admits a null state; the provider always materialises one, so null is a failure.
    private static ProbeState ValueOf(GrainState<ProbeState> state) =>
        state.State ?? throw new Xunit.Sdk.XunitException("The grain state is null.");

    private static GrainId NewStringKeyedGrain() => GrainId.Create(GrainType, Guid.NewGuid().ToString("N"));
}
