namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// Holds one batch inside the store: <see cref="Entered"/> completes when the writer's commit is in flight, and the
/// commit goes on only after <see cref="Release"/>. Everything appended in between is queued for the next batch.
/// </summary>
internal sealed class HeldBatch
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task.WaitAsync(TestTimeout.Limit);

    public void Release() => _released.TrySetResult();

    /// <summary>Called by the store when the held batch arrives.</summary>
    public async Task HoldAsync()
    {
        _entered.TrySetResult();
        await _released.Task.WaitAsync(TestTimeout.Limit);
    }
}
