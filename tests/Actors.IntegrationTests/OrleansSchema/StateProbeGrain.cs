namespace Actors.IntegrationTests.OrleansSchema;

/// <inheritdoc cref="IStateProbeGrain"/>
public sealed class StateProbeGrain(
    [PersistentState("probe", StateProbeGrain.StorageName)] IPersistentState<ProbeState> state) : Grain, IStateProbeGrain
{
    /// <summary>The grain-storage provider name every test cluster here registers with AddAdoNetGrainStorage.</summary>
    public const string StorageName = "OrleansSchemaProbe";

    // Lets a test tell a fresh activation (state loaded from the database) from the one that wrote it.
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task WriteAsync(string value, CancellationToken cancellationToken = default)
    {
        state.State.Value = value;
        state.State.Writes++;
        await state.WriteStateAsync(cancellationToken);
    }

    public Task ClearAsync(CancellationToken cancellationToken = default) => state.ClearStateAsync(cancellationToken);

    public Task<ProbeReading> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ProbeReading(state.State.Value, state.State.Writes, state.Etag, state.RecordExists, _activationId));
}
