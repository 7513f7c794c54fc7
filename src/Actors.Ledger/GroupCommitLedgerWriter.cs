using System.Diagnostics;
using System.Threading.Channels;
using Actors.Ledger.Telemetry;

namespace Actors.Ledger;

/// <summary>
/// Group commit: appends from every grain of the silo are queued, and one background loop writes them to the
/// <see cref="ILedgerStore"/> in batches, one transaction per batch. While a commit is in flight new appends queue up and
/// all go into the next batch, so batches grow with load and a transaction's fsync is shared by many events.
/// Each caller's task completes when its batch has committed.
/// </summary>
/// <remarks>
/// If the store throws, every append of that batch fails with the exception (nothing of it was acknowledged) and the
/// loop goes on with the next batch. A caller whose token is cancelled before its batch starts is left out and its task
/// is cancelled; once its batch has started, the append completes with the batch's outcome.
/// <see cref="StopAsync"/> (called when the silo shuts down) writes and acknowledges everything queued; appends after it are
/// refused with a <see cref="TimeoutException"/>, which clients retry, so the retry reaches a silo that is still running.
/// </remarks>
public sealed class GroupCommitLedgerWriter : ILedgerWriter, IAsyncDisposable, IDisposable
{
    private readonly ILedgerStore _store;
    private readonly GroupCommitOptions _options;
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private volatile bool _stopping;
    private volatile bool _disposed;

    /// <summary>Starts the writer loop over <paramref name="store"/>. The store is not disposed with the writer.</summary>
    public GroupCommitLedgerWriter(ILedgerStore store, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Linger, TimeSpan.Zero, nameof(options.Linger));
        _store = store;
        _options = options;
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A field of <paramref name="entry"/> is null; rejected here so that one malformed row
    /// cannot fail the other callers' rows in its batch.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    /// <exception cref="TimeoutException">The writer is stopping (<see cref="StopAsync"/>); nothing was appended, retry elsewhere.</exception>
    public Task<AppendResult> AppendAsync(LedgerAppend entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfMissing(entry.Ledger, nameof(entry.Ledger));
        ThrowIfMissing(entry.Tenant, nameof(entry.Tenant));
        ThrowIfMissing(entry.Source, nameof(entry.Source));
        ThrowIfMissing(entry.Type, nameof(entry.Type));
        ThrowIfMissing(entry.Payload, nameof(entry.Payload));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<AppendResult>(cancellationToken);
        }

        var pending = new PendingAppend(entry);
        pending.CancelWhen(cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Abandon();
            ObjectDisposedException.ThrowIf(_disposed, this);
            // A TimeoutException, not a type of ours: it crosses Orleans to clients that know only BCL and Orleans types,
            // and the SDK retries it with the same (source, seq), which lands on a silo that is still running.
            throw new TimeoutException("The ledger writer of this silo is stopping (the silo is shutting down); nothing was appended. Retry the call.");
        }
        return pending.Completion;
    }

    /// <summary>True once <see cref="StopAsync"/> or dispose began: new appends are refused.</summary>
    public bool IsStopping => _stopping;

    /// <summary>
    /// Refuses new appends (with a retriable <see cref="TimeoutException"/>), writes every append already queued, and returns
    /// once each of them is acknowledged (or failed with its batch's error). Idempotent.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the queued appends are still written in the background.</param>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        return _loop.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting appends, writes everything already queued, then stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void ThrowIfMissing(string? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException($"LedgerAppend.{field} must not be null.", nameof(AppendAsync));
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (_options.Linger > TimeSpan.Zero)
            {
                // Deliberate latency for throughput: let more appends join this batch.
                await Task.Delay(_options.Linger).ConfigureAwait(false);
            }
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending))
            {
                if (pending.TryTake())
                {
                    batch.Add(pending);
                }
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        var rows = new LedgerAppend[batch.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = batch[i].Append;
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<AppendResult> results;
        try
        {
            // Not cancellable: once a batch has started, its callers get its outcome, whatever their tokens say.
            results = await _store.AppendBatchAsync(rows, CancellationToken.None).ConfigureAwait(false);
            if (results.Count != rows.Length)
            {
                throw new InvalidOperationException(
                    $"{_store.GetType().Name} answered {results.Count} results for a batch of {rows.Length} rows.");
            }
        }
        catch (Exception exception)
        {
            LedgerInstruments.FailedBatches.Add(1);
            foreach (var pending in batch)
            {
                pending.Fail(exception);
            }
            return;
        }
        LedgerInstruments.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        LedgerInstruments.BatchSize.Record(rows.Length);

        long appended = 0, duplicates = 0, conflicts = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var result = results[i];
            switch (result.Status)
            {
                case AppendStatus.Appended:
                    appended++;
                    batch[i].Succeed(result);
                    break;
                case AppendStatus.Duplicate:
                    duplicates++;
                    batch[i].Succeed(result);
                    break;
                case AppendStatus.PositionConflict:
                    conflicts++;
                    batch[i].Fail(new LedgerPositionConflictException(rows[i].Ledger, rows[i].Position));
                    break;
                default:
                    batch[i].Fail(new InvalidOperationException($"{_store.GetType().Name} answered the unknown status {result.Status}."));
                    break;
            }
        }
        LedgerInstruments.Appends.Add(appended);
        LedgerInstruments.Duplicates.Add(duplicates);
        LedgerInstruments.PositionConflicts.Add(conflicts);
    }
}
