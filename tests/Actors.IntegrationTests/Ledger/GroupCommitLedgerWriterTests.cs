using Actors.Ledger;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// The group-commit writer over a real SQLite store, observed through <see cref="InterceptingLedgerStore"/>, including
/// <see cref="GroupCommitLedgerWriter.StopAsync"/>, what a stopping silo calls.
/// </summary>
public sealed class GroupCommitLedgerWriterTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _file = new();
    private readonly SqliteLedgerStore _sqlite;
    private readonly List<GroupCommitLedgerWriter> _writers = [];

    public GroupCommitLedgerWriterTests() => _sqlite = new SqliteLedgerStore(_file.Path);

    public Task InitializeAsync() => _sqlite.InitializeAsync(TestTimeout.Token());

    public async Task DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }
        await _sqlite.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Appends_queued_while_a_commit_is_in_flight_go_together_into_the_next_batch()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();

        var first = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var rest = Enumerable.Range(2, 999).Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())).ToList();
        held.Release();
        var results = await Task.WhenAll(rest.Prepend(first)).WaitAsync(TestTimeout.Limit);

        Assert.Equal([1, 999], store.BatchSizes);
        Assert.All(results, r => Assert.Equal(AppendStatus.Appended, r.Status));
        Assert.Equal(Enumerable.Range(1, 1000).Select(p => (long)p), results.Select(r => r.Entry!.Position));
        Assert.Equal(1000, (await _sqlite.ReadLedgerAsync(ledger, 1, 2000, TestTimeout.Token())).Count);
    }

    [Fact]
    public async Task A_backlog_larger_than_the_maximum_batch_size_is_committed_in_full_batches()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store, new GroupCommitOptions { MaxBatchSize = 100 });
        var ledger = SampleAppends.NewLedger();

        var first = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var rest = Enumerable.Range(2, 250).Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())).ToList();
        held.Release();
        await Task.WhenAll(rest.Prepend(first)).WaitAsync(TestTimeout.Limit);

        Assert.Equal([1, 100, 100, 50], store.BatchSizes);
        // Batches keep the callers' order.
        Assert.Equal(Enumerable.Range(1, 251).Select(p => (long)p), store.Batches.SelectMany(b => b).Select(r => r.Position));
    }

    [Fact]
    public async Task Many_concurrent_callers_share_far_fewer_transactions_than_appends()
    {
        var store = new InterceptingLedgerStore(_sqlite);
        var writer = Writer(store);
        const int callers = 8;
        const int appendsPerCaller = 250;

        var calls = Enumerable.Range(0, callers).Select(c => Task.Run(() =>
        {
            var ledger = SampleAppends.NewLedger();
            return Task.WhenAll(Enumerable.Range(1, appendsPerCaller)
                .Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())));
        }));
        var results = (await Task.WhenAll(calls).WaitAsync(TestTimeout.Limit)).SelectMany(r => r).ToList();

        Assert.Equal(callers * appendsPerCaller, results.Count(r => r.Status == AppendStatus.Appended));
        Assert.Equal(results.Count, results.Select(r => r.Entry!.GlobalPosition).Distinct().Count());
        Assert.Equal(results.Count, store.BatchSizes.Sum());
        Assert.True(store.BatchSizes.Count <= results.Count / 10,
            $"{results.Count} appends took {store.BatchSizes.Count} transactions: [{string.Join(", ", store.BatchSizes)}]");
    }

    [Fact]
    public async Task A_failing_batch_fails_only_its_own_appends_and_the_writer_goes_on()
    {
        var held = new HeldBatch();
        var failure = new InvalidOperationException("disk on fire");
        var store = new InterceptingLedgerStore(_sqlite)
        {
            BeforeBatch = (n, _) => n switch
            {
                1 => held.HoldAsync(),
                2 => throw failure,
                _ => Task.CompletedTask,
            },
        };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();

        var before = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var failing = Enumerable.Range(2, 5).Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())).ToList();
        held.Release();

        Assert.Equal(AppendStatus.Appended, (await before.WaitAsync(TestTimeout.Limit)).Status);
        foreach (var append in failing)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => append.WaitAsync(TestTimeout.Limit)));
        }
        var after = await writer.AppendAsync(SampleAppends.Row(ledger, 2), TestTimeout.Token()).WaitAsync(TestTimeout.Limit);

        Assert.Equal(AppendStatus.Appended, after.Status);
        Assert.Equal([1, 5, 1], store.BatchSizes);
        Assert.Equal([1L, 2L], (await _sqlite.ReadLedgerAsync(ledger, 1, 10, TestTimeout.Token())).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_taken_position_throws_a_position_conflict()
    {
        var writer = Writer(new InterceptingLedgerStore(_sqlite));
        var ledger = SampleAppends.NewLedger();
        await writer.AppendAsync(SampleAppends.Row(ledger, 1, seq: 1), TestTimeout.Token());

        var conflict = await Assert.ThrowsAsync<LedgerPositionConflictException>(
            () => writer.AppendAsync(SampleAppends.Row(ledger, 1, seq: 2), TestTimeout.Token()));

        Assert.Equal(ledger, conflict.Ledger);
        Assert.Equal(1, conflict.Position);
        Assert.Null(await _sqlite.FindAsync(ledger, "billing", 2, TestTimeout.Token()));
    }

    [Fact]
    public async Task A_duplicate_is_answered_with_the_original_entry()
    {
        var writer = Writer(new InterceptingLedgerStore(_sqlite));
        var ledger = SampleAppends.NewLedger();
        var original = await writer.AppendAsync(SampleAppends.Row(ledger, 1, seq: 3), TestTimeout.Token());

        var duplicate = await writer.AppendAsync(SampleAppends.Row(ledger, 2, seq: 3), TestTimeout.Token());

        Assert.Equal(new AppendResult(AppendStatus.Duplicate, original.Entry), duplicate);
    }

    [Fact]
    public async Task An_append_cancelled_before_its_batch_starts_is_never_written()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();
        using var cancellation = new CancellationTokenSource();

        var first = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var cancelled = writer.AppendAsync(SampleAppends.Row(ledger, 2), cancellation.Token);
        var kept = writer.AppendAsync(SampleAppends.Row(ledger, 3), TestTimeout.Token());
        await cancellation.CancelAsync();
        held.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestTimeout.Limit));
        await Task.WhenAll(first, kept).WaitAsync(TestTimeout.Limit);
        Assert.Equal([1L, 3L], store.Batches.SelectMany(b => b).Select(r => r.Position));
        Assert.Null(await _sqlite.FindAsync(ledger, "billing", 2, TestTimeout.Token()));
    }

    [Fact]
    public async Task An_append_cancelled_once_its_batch_started_completes_with_the_batch()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();
        using var cancellation = new CancellationTokenSource();

        var append = writer.AppendAsync(SampleAppends.Row(ledger, 1), cancellation.Token);
        await held.Entered;
        await cancellation.CancelAsync();
        held.Release();

        // The row is being committed: reporting "cancelled" would hide an append that did happen.
        Assert.Equal(AppendStatus.Appended, (await append.WaitAsync(TestTimeout.Limit)).Status);
        Assert.NotNull(await _sqlite.FindAsync(ledger, "billing", 1, TestTimeout.Token()));
    }

    [Fact]
    public async Task An_already_cancelled_token_writes_nothing()
    {
        var store = new InterceptingLedgerStore(_sqlite);
        var writer = Writer(store);

        var append = writer.AppendAsync(SampleAppends.Row(SampleAppends.NewLedger(), 1), new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => append);
        Assert.Empty(store.Batches);
    }

    [Fact]
    public async Task A_row_with_a_missing_field_is_rejected_before_it_can_fail_a_shared_batch()
    {
        var store = new InterceptingLedgerStore(_sqlite);
        var writer = Writer(store);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            writer.AppendAsync(SampleAppends.Row(SampleAppends.NewLedger(), 1) with { Payload = null! }, TestTimeout.Token()));

        Assert.Contains("Payload", error.Message, StringComparison.Ordinal);
        await writer.DisposeAsync();
        Assert.Empty(store.Batches);
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_then_refuses_new_appends()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();

        var first = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var queued = Enumerable.Range(2, 10).Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())).ToList();
        var disposing = writer.DisposeAsync().AsTask();

        Assert.False(disposing.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(SampleAppends.Row(ledger, 50), TestTimeout.Token()));
        held.Release();
        await disposing.WaitAsync(TestTimeout.Limit);

        Assert.All(queued.Prepend(first), t => Assert.Equal(AppendStatus.Appended, t.Result.Status));
        Assert.Equal(11, (await _sqlite.ReadLedgerAsync(ledger, 1, 100, TestTimeout.Token())).Count);
    }

    // Stopping, as a silo does on SIGINT/SIGTERM: appends already queued are written and acknowledged before StopAsync
    // returns, and later appends are refused with an error clients retry.

    [Fact]
    public async Task Stop_writes_and_acknowledges_every_pending_append_before_it_returns()
    {
        var held = new HeldBatch();
        var store = new InterceptingLedgerStore(_sqlite) { BeforeBatch = held.HoldFirstBatch };
        var writer = Writer(store);
        var ledger = SampleAppends.NewLedger();

        var first = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());
        await held.Entered;
        var pending = Enumerable.Range(2, 50).Select(p => writer.AppendAsync(SampleAppends.Row(ledger, p), TestTimeout.Token())).ToList();
        var stopping = writer.StopAsync(TestTimeout.Token());

        Assert.False(stopping.IsCompleted);
        Assert.True(writer.IsStopping);
        Assert.All(pending, t => Assert.False(t.IsCompleted));
        held.Release();
        await stopping.WaitAsync(TestTimeout.Limit);

        // Acknowledged by the time StopAsync returned, not merely written later.
        Assert.All(pending.Prepend(first), t => Assert.Equal(TaskStatus.RanToCompletion, t.Status));
        Assert.All(pending.Prepend(first), t => Assert.Equal(AppendStatus.Appended, t.Result.Status));
        var rows = await _sqlite.ReadLedgerAsync(ledger, 1, 100, TestTimeout.Token());
        Assert.Equal(Enumerable.Range(1, 51).Select(p => (long)p), rows.Select(r => r.Position));
    }

    [Fact]
    public async Task Appends_after_stop_are_refused_with_a_retriable_timeout_and_write_nothing()
    {
        var writer = Writer(_sqlite);
        var ledger = SampleAppends.NewLedger();
        Assert.Equal(AppendStatus.Appended, (await writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token())).Status);

        await writer.StopAsync(TestTimeout.Token());
        var refused = await Assert.ThrowsAsync<TimeoutException>(() => writer.AppendAsync(SampleAppends.Row(ledger, 2), TestTimeout.Token()));

        Assert.Contains("stopping", refused.Message);
        Assert.Contains("nothing was appended", refused.Message);
        Assert.Single(await _sqlite.ReadLedgerAsync(ledger, 1, 100, TestTimeout.Token()));
    }

    [Fact]
    public async Task Stop_is_idempotent_and_dispose_after_it_refuses_with_object_disposed()
    {
        var writer = Writer(_sqlite);
        var ledger = SampleAppends.NewLedger();
        var appended = writer.AppendAsync(SampleAppends.Row(ledger, 1), TestTimeout.Token());

        await writer.StopAsync(TestTimeout.Token());
        await writer.StopAsync(TestTimeout.Token());
        await writer.DisposeAsync();

        Assert.Equal(AppendStatus.Appended, (await appended).Status);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(SampleAppends.Row(ledger, 2), TestTimeout.Token()));
    }

    private GroupCommitLedgerWriter Writer(ILedgerStore store, GroupCommitOptions? options = null)
    {
        var writer = new GroupCommitLedgerWriter(store, options ?? new GroupCommitOptions());
        _writers.Add(writer);
        return writer;
    }
}
