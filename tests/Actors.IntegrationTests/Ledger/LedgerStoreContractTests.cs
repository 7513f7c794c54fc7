using System.Data.Common;
using Actors.IntegrationTests.Databases;
using Actors.Ledger;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// The <see cref="ILedgerStore"/> contract, run against every store: each derived class supplies a real database.
/// </summary>
public abstract class LedgerStoreContractTests : StoreContractTests<ILedgerStore>
{
    protected sealed override Task InitializeStoreAsync(ILedgerStore store, CancellationToken cancellationToken) =>
        store.InitializeAsync(cancellationToken);

    protected static string SqlLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [Fact]
    public async Task Appended_rows_are_read_back_by_ledger_from_a_position()
    {
        var ledger = SampleAppends.NewLedger();
        var results = await Store.AppendBatchAsync(
            [SampleAppends.Row(ledger, 1), SampleAppends.Row(ledger, 2), SampleAppends.Row(ledger, 3)], Ct);

        Assert.All(results, r => Assert.Equal(AppendStatus.Appended, r.Status));
        var appended = results.Select(r => r.Entry!).ToList();
        Assert.Equal([1L, 2L, 3L], appended.Select(e => e.Position));
        Assert.Equal(appended, await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
        Assert.Equal(appended.Skip(1).Take(1), await Store.ReadLedgerAsync(ledger, 2, 1, Ct));
        Assert.Empty(await Store.ReadLedgerAsync(ledger, 4, 10, Ct));
        Assert.Empty(await Store.ReadLedgerAsync(SampleAppends.NewLedger(), 1, 10, Ct));
    }

    [Fact]
    public async Task An_appended_entry_carries_the_row_with_timestamps_in_utc_microseconds()
    {
        var ledger = SampleAppends.NewLedger();
        // 100 ns ticks and a +02:00 offset: more than timestamptz keeps, so both stores must answer UTC microseconds.
        var occurredAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var append = SampleAppends.Row(ledger, 1) with { OccurredAt = occurredAt, Payload = """{ "b": 1,  "a": [2, 3] }""" };
        var before = DateTimeOffset.UtcNow;

        var entry = (await Store.AppendBatchAsync([append], Ct)).Single().Entry!;
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(
            new LedgerEntry(entry.GlobalPosition, ledger, "t1", 1, "billing", 1, "charge",
                new DateTimeOffset(2025, 1, 2, 1, 4, 5, TimeSpan.Zero).AddTicks(1_234_560), entry.RecordedAt, append.Payload),
            entry);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(TimeSpan.Zero, entry.RecordedAt.Offset);
        Assert.InRange(entry.RecordedAt, before.AddSeconds(-1), after.AddSeconds(1));
        var read = await Store.FindAsync(ledger, "billing", 1, Ct);
        Assert.Equal(entry, read);
        Assert.Equal(entry.OccurredAt.Ticks, read!.OccurredAt.Ticks);
        Assert.Equal(entry.RecordedAt.Ticks, read.RecordedAt.Ticks);
    }

    [Fact]
    public async Task Ledgers_are_listed_by_prefix_in_ordinal_pages()
    {
        // A prefix of its own per test run: the database is shared by the class's tests.
        var prefix = $"account/p{Guid.NewGuid():N}/";
        string[] ids = [prefix + "B", prefix + "a", prefix + "a_1", prefix + "Z9"];
        await Store.AppendBatchAsync([.. ids.Select(id => SampleAppends.Row(id, 1)), SampleAppends.Row(ids[1], 2)], Ct);
        await Store.AppendBatchAsync([SampleAppends.Row(prefix.TrimEnd('/') + "x/other", 1), SampleAppends.Row("stock/x/y", 1)], Ct);

        var ordinal = ids.Order(StringComparer.Ordinal).ToList();
        var first = await Store.ListLedgersAsync(prefix, null, 3, Ct);
        var rest = await Store.ListLedgersAsync(prefix, first[^1], 3, Ct);

        Assert.Equal(ordinal.Take(3), first);
        Assert.Equal(ordinal.Skip(3), rest);
        Assert.Empty(await Store.ListLedgersAsync(prefix, ordinal[^1], 3, Ct));
    }

    [Fact]
    public async Task Several_ledgers_are_read_whole_ordered_by_ledger_then_position()
    {
        var one = SampleAppends.NewLedger();
        var two = SampleAppends.NewLedger();
        var other = SampleAppends.NewLedger();
        var appended = await Store.AppendBatchAsync(
            [SampleAppends.Row(two, 1), SampleAppends.Row(one, 1), SampleAppends.Row(other, 1), SampleAppends.Row(two, 2), SampleAppends.Row(one, 2)], Ct);

        var read = await Store.ReadLedgersAsync([two, one], Ct);

        var expected = appended.Select(r => r.Entry!).Where(e => e.Ledger != other)
            .OrderBy(e => e.Ledger, StringComparer.Ordinal).ThenBy(e => e.Position);
        Assert.Equal(expected, read);
        Assert.Empty(await Store.ReadLedgersAsync([], Ct));
    }

    [Fact]
    public async Task Find_answers_the_row_of_an_idempotency_key_or_null()
    {
        var ledger = SampleAppends.NewLedger();
        var results = await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1, seq: 41), SampleAppends.Row(ledger, 2, seq: 42)], Ct);

        Assert.Equal(results[1].Entry, await Store.FindAsync(ledger, "billing", 42, Ct));
        Assert.Null(await Store.FindAsync(ledger, "billing", 43, Ct));
        Assert.Null(await Store.FindAsync(ledger, "other-source", 42, Ct));
        Assert.Null(await Store.FindAsync(SampleAppends.NewLedger(), "billing", 42, Ct));
    }

    [Fact]
    public async Task Read_all_returns_every_ledger_in_ascending_global_position()
    {
        var a = SampleAppends.NewLedger();
        var b = SampleAppends.NewLedger();
        var head = await Store.ReadHeadAsync(Ct);

        var first = await Store.AppendBatchAsync([SampleAppends.Row(a, 1), SampleAppends.Row(b, 1), SampleAppends.Row(a, 2)], Ct);
        var second = await Store.AppendBatchAsync([SampleAppends.Row(b, 2)], Ct);
        var expected = first.Concat(second).Select(r => r.Entry!).ToList();

        var all = await Store.ReadAllAsync(head + 1, 100, Ct);
        Assert.Equal(expected, all);
        Assert.Equal([a, b, a, b], all.Select(e => e.Ledger));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.GlobalPosition < pair.Second.GlobalPosition));
        Assert.Equal(expected.Take(2), await Store.ReadAllAsync(head + 1, 2, Ct));
        Assert.Equal(expected.Skip(2), await Store.ReadAllAsync(expected[2].GlobalPosition, 100, Ct));
        Assert.Equal(expected[^1].GlobalPosition, await Store.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task A_duplicate_key_is_answered_with_the_original_row_and_inserts_nothing()
    {
        var ledger = SampleAppends.NewLedger();
        var original = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1, seq: 7)], Ct)).Single().Entry!;
        var head = await Store.ReadHeadAsync(Ct);

        // Same (ledger, source, seq), though the retry chose another position and carries another payload.
        var retry = SampleAppends.Row(ledger, 2, seq: 7, payload: """{"amount":999}""");
        var result = (await Store.AppendBatchAsync([retry], Ct)).Single();

        Assert.Equal(new AppendResult(AppendStatus.Duplicate, original), result);
        Assert.Equal([original], await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
        Assert.Equal(head, await Store.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task A_taken_position_is_a_conflict_and_inserts_nothing()
    {
        var ledger = SampleAppends.NewLedger();
        var original = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1, seq: 1)], Ct)).Single().Entry!;

        var result = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1, seq: 2)], Ct)).Single();

        Assert.Equal(new AppendResult(AppendStatus.PositionConflict, null), result);
        Assert.Null(await Store.FindAsync(ledger, "billing", 2, Ct));
        Assert.Equal([original], await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
    }

    [Fact]
    public async Task The_same_key_twice_in_one_batch_is_appended_once_and_then_a_duplicate()
    {
        var ledger = SampleAppends.NewLedger();
        var results = await Store.AppendBatchAsync(
        [
            SampleAppends.Row(ledger, 1, seq: 5),
            SampleAppends.Row(ledger, 2, seq: 5, payload: """{"amount":1}"""),
            SampleAppends.Row(ledger, 3, seq: 6),
            SampleAppends.Row(ledger, 3, seq: 6),
        ], Ct);

        Assert.Equal(
            [AppendStatus.Appended, AppendStatus.Duplicate, AppendStatus.Appended, AppendStatus.Duplicate],
            results.Select(r => r.Status));
        Assert.Equal(results[0].Entry, results[1].Entry);
        Assert.Equal(results[2].Entry, results[3].Entry);
        Assert.Equal([results[0].Entry!, results[2].Entry!], await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
    }

    [Fact]
    public async Task A_mixed_batch_answers_every_row_in_order()
    {
        var ledger = SampleAppends.NewLedger();
        var existing = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1, seq: 1)], Ct)).Single().Entry!;

        var results = await Store.AppendBatchAsync(
        [
            SampleAppends.Row(ledger, 2, seq: 2),
            SampleAppends.Row(ledger, 5, seq: 1),
            SampleAppends.Row(ledger, 1, seq: 9),
            SampleAppends.Row(ledger, 3, seq: 3),
        ], Ct);

        Assert.Equal(
            [AppendStatus.Appended, AppendStatus.Duplicate, AppendStatus.PositionConflict, AppendStatus.Appended],
            results.Select(r => r.Status));
        Assert.Equal(existing, results[1].Entry);
        Assert.Null(results[2].Entry);
        Assert.True(results[0].Entry!.GlobalPosition < results[3].Entry!.GlobalPosition);
        Assert.Equal([existing, results[0].Entry!, results[3].Entry!], await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
    }

    [Fact]
    public async Task A_large_batch_keeps_its_order_and_resolves_many_duplicates()
    {
        string[] ledgers = [SampleAppends.NewLedger(), SampleAppends.NewLedger(), SampleAppends.NewLedger()];
        var rows = Enumerable.Range(0, 1037).Select(i => SampleAppends.Row(ledgers[i % 3], i / 3 + 1)).ToList();

        var results = await Store.AppendBatchAsync(rows, Ct);

        Assert.All(results, r => Assert.Equal(AppendStatus.Appended, r.Status));
        Assert.Equal(rows.Select(r => (r.Ledger, r.Position)), results.Select(r => (r.Entry!.Ledger, r.Entry.Position)));
        Assert.True(results.Zip(results.Skip(1)).All(pair => pair.First.Entry!.GlobalPosition < pair.Second.Entry!.GlobalPosition));

        // Every other row is a re-delivery at a new position; the others are new.
        var replay = Enumerable.Range(0, 300)
            .Select(i => i % 2 == 0
                ? rows[i] with { Position = 10_000 + i }
                : SampleAppends.Row(ledgers[0], 20_000 + i))
            .ToList();
        var replayed = await Store.AppendBatchAsync(replay, Ct);

        for (var i = 0; i < replay.Count; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(new AppendResult(AppendStatus.Duplicate, results[i].Entry), replayed[i]);
            }
            else
            {
                Assert.Equal(AppendStatus.Appended, replayed[i].Status);
            }
        }
        Assert.Equal(346 + 150, (await Store.ReadLedgerAsync(ledgers[0], 1, 10_000, Ct)).Count);
    }

    [Fact]
    public async Task An_invalid_row_fails_the_whole_batch_and_commits_none_of_it()
    {
        var ledger = SampleAppends.NewLedger();
        var head = await Store.ReadHeadAsync(Ct);

        await Assert.ThrowsAnyAsync<DbException>(() => Store.AppendBatchAsync(
            [SampleAppends.Row(ledger, 1), SampleAppends.Row(ledger, 2) with { Payload = null! }], Ct));

        Assert.Empty(await Store.ReadLedgerAsync(ledger, 1, 10, Ct));
        Assert.Equal(head, await Store.ReadHeadAsync(Ct));
        // The store recovers: the next batch goes through.
        var retried = await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct);
        Assert.Equal(AppendStatus.Appended, retried.Single().Status);
    }

    [Fact]
    public async Task An_empty_batch_answers_nothing()
    {
        Assert.Empty(await Store.AppendBatchAsync([], Ct));
    }

    [Fact]
    public async Task The_database_rejects_update()
    {
        var ledger = SampleAppends.NewLedger();
        var entry = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct)).Single().Entry!;

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            ExecuteSqlAsync($"UPDATE ledger_entries SET payload = '{{}}' WHERE ledger = {SqlLiteral(ledger)}"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(entry, await Store.FindAsync(ledger, "billing", 1, Ct));
    }

    [Fact]
    public async Task The_database_rejects_delete()
    {
        var ledger = SampleAppends.NewLedger();
        var entry = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct)).Single().Entry!;

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            ExecuteSqlAsync($"DELETE FROM ledger_entries WHERE ledger = {SqlLiteral(ledger)}"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(entry, await Store.FindAsync(ledger, "billing", 1, Ct));
    }

    [Fact]
    public async Task Initializing_again_keeps_the_data_and_the_store_working()
    {
        var ledger = SampleAppends.NewLedger();
        var entry = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct)).Single().Entry!;

        await Store.InitializeAsync(Ct);
        var second = await OpenStoreAsync();

        Assert.Equal([entry], await second.ReadLedgerAsync(ledger, 1, 10, Ct));
        var next = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 2)], Ct)).Single();
        Assert.Equal(AppendStatus.Appended, next.Status);
        // The append-only triggers survived the second run of the schema script.
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteSqlAsync("DELETE FROM ledger_entries"));
    }

    [Fact]
    public async Task Data_survives_reopening_the_store()
    {
        var ledger = SampleAppends.NewLedger();
        var written = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1), SampleAppends.Row(ledger, 2)], Ct))
            .Select(r => r.Entry!).ToList();
        var head = await Store.ReadHeadAsync(Ct);
        await ((IAsyncDisposable)Store).DisposeAsync();

        var reopened = await OpenStoreAsync();

        Assert.Equal(written, await reopened.ReadLedgerAsync(ledger, 1, 10, Ct));
        Assert.Equal(head, await reopened.ReadHeadAsync(Ct));
        var next = (await reopened.AppendBatchAsync([SampleAppends.Row(ledger, 3)], Ct)).Single().Entry!;
        Assert.True(next.GlobalPosition > head);
    }
}
