using Actors.Ledger;

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

    /// <summary>A store's <see cref="InterceptingLedgerStore.BeforeBatch"/> that holds the first batch and lets the rest through.</summary>
    public Task HoldFirstBatch(int batchNumber, IReadOnlyList<LedgerAppend> batch) => batchNumber == 1 ? HoldAsync() : Task.CompletedTask;

    /// <summary>Called by the store when the held batch arrives.</summary>
    public async Task HoldAsync()
    {
        _entered.TrySetResult();
        await _released.Task.WaitAsync(TestTimeout.Limit);
    }
}
