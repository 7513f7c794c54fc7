using Actors.Ledger;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// <see cref="GroupCommitLedgerWriter.StopAsync"/>, what a stopping silo calls: appends already queued are written and
/// acknowledged before it returns, and later appends are refused with an error clients retry.
/// </summary>
public sealed class GroupCommitLedgerWriterStopTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _file = new();
    private readonly SqliteLedgerStore _sqlite;
    private readonly List<GroupCommitLedgerWriter> _writers = [];

    public GroupCommitLedgerWriterStopTests() => _sqlite = new SqliteLedgerStore(_file.Path);

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

    private GroupCommitLedgerWriter Writer(ILedgerStore store)
    {
        var writer = new GroupCommitLedgerWriter(store, new GroupCommitOptions());
        _writers.Add(writer);
        return writer;
    }
}
