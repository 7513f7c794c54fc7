using Microsoft.Data.Sqlite;

namespace Actors.Streaming.Embedded;

/// <summary>
/// One change the <see cref="SqliteLaneStore"/> writer applies inside a shared transaction (enqueue, acknowledge,
/// dead-letter …). Its task completes with the change's result once that transaction has committed, or fails with the
/// transaction's error: a caller is never told "done" for a change that could still be rolled back.
/// </summary>
internal sealed class LaneWrite(Func<SqliteTransaction, long> apply)
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the commit with what <see cref="Apply"/> answered.</summary>
    public Task<long> Completion => _completion.Task;

    /// <summary>Runs the change inside <paramref name="transaction"/>; the result is held until the commit.</summary>
    public long Apply(SqliteTransaction transaction) => apply(transaction);

    public void Succeed(long result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
