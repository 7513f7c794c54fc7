namespace Actors.Ledger;

/// <summary>
/// One caller's append waiting in <see cref="GroupCommitLedgerWriter"/>'s queue. The writer loop and the caller's
/// cancellation race for it: whoever moves it out of <c>Waiting</c> first decides whether it is written or cancelled, so a
/// cancelled append is never written and a written one is never reported cancelled.
/// </summary>
internal sealed class PendingAppend(LedgerAppend append)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<AppendResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellation;
    private int _state = Waiting;

    public LedgerAppend Append { get; } = append;

    /// <summary>What the caller awaits.</summary>
    public Task<AppendResult> Completion => _completion.Task;

    /// <summary>Cancels the append when <paramref name="cancellationToken"/> fires before the writer takes it into a batch.</summary>
    public void CancelWhen(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(
                static (state, token) => ((PendingAppend)state!).Cancel(token), this);
        }
    }

    /// <summary>Claims the append for a batch; false when it was cancelled first.</summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Waiting) != Waiting)
        {
            return false;
        }
        // Unregister, not Dispose: Dispose would wait for a callback that lost the race and is still returning.
        _cancellation.Unregister();
        return true;
    }

    /// <summary>Gives up on an append that could not be queued.</summary>
    public void Abandon() => _cancellation.Unregister();

    public void Succeed(AppendResult result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    private void Cancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }
}
