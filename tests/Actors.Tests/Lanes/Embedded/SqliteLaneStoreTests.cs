using System.Diagnostics.Metrics;
using Actors.Contracts.Events;
using Actors.Streaming.Embedded;
using Actors.Streaming.Telemetry;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>The lanes' SQLite queue on its own: durable enqueue, ordered reads, prefix acknowledgement, dead letters, gauges.</summary>
public sealed class SqliteLaneStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(-5));
    private readonly TempDirectory _directory = new();
    // A lane name of its own, so the process-wide gauges can be read for this test alone.
    private readonly string _lane = $"lane-{Guid.NewGuid():N}";

    [Fact]
    public async Task Messages_come_back_in_offset_order_exactly_as_enqueued_and_survive_a_reopen()
    {
        var first = Message("s", 1) with { Envelope = Envelope(1) with { EnqueuedAt = At.AddMinutes(1) } };
        var second = new LaneMessage(null, "no-namespace", Envelope(2));
        await using (var store = new SqliteLaneStore(_directory.Path))
        {
            await store.EnqueueAsync(_lane, 0, [first, second], CancellationToken.None);
            await store.EnqueueAsync(_lane, 1, [Message("other", 3)], CancellationToken.None);
        }

        await using var reopened = new SqliteLaneStore(_directory.Path);
        var read = await reopened.ReadAsync(_lane, 0, afterOffset: 0, max: 10, CancellationToken.None);
        Assert.Equal([first, second], read.Select(m => m.Message));
        Assert.True(read[0].Offset < read[1].Offset);
        // Record equality of DateTimeOffset ignores the offset; the producer's offset is kept too.
        Assert.Equal(At.Offset, read[0].Message.Envelope.OccurredAt.Offset);
        Assert.Equal(At.AddMinutes(1).Offset, read[0].Message.Envelope.EnqueuedAt!.Value.Offset);
        Assert.Empty(await reopened.ReadAsync(_lane, 0, afterOffset: read[1].Offset, max: 10, CancellationToken.None));
        Assert.Single(await reopened.ReadAsync(_lane, 1, afterOffset: 0, max: 10, CancellationToken.None));
    }

    [Fact]
    public async Task Acknowledging_an_offset_removes_it_and_everything_before_it_in_that_partition_only()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        for (var seq = 1; seq <= 5; seq++)
        {
            await store.EnqueueAsync(_lane, 0, [Message("s", seq)], CancellationToken.None);
        }
        await store.EnqueueAsync(_lane, 1, [Message("s", 6)], CancellationToken.None);
        var offsets = (await store.ReadAsync(_lane, 0, 0, 10, CancellationToken.None)).Select(m => m.Offset).ToList();

        Assert.Equal(3, await store.AcknowledgeAsync(_lane, 0, offsets[2], CancellationToken.None));

        Assert.Equal(2, await store.CountPendingAsync(_lane, 0, CancellationToken.None));
        Assert.Equal(1, await store.CountPendingAsync(_lane, 1, CancellationToken.None));
        Assert.Equal(offsets[3..], (await store.ReadAsync(_lane, 0, 0, 10, CancellationToken.None)).Select(m => m.Offset));
        // Offsets are never reused, even when the partition was emptied: a receiver that read up to N reads on after N.
        await store.AcknowledgeAsync(_lane, 0, offsets[4], CancellationToken.None);
        await store.EnqueueAsync(_lane, 0, [Message("s", 7)], CancellationToken.None);
        Assert.Single(await store.ReadAsync(_lane, 0, afterOffset: offsets[4], 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_backlog_names_each_partitions_oldest_pending_message_and_when_it_was_enqueued()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        for (var seq = 1; seq <= 3; seq++)
        {
            var envelope = Envelope(seq) with { EnqueuedAt = At.AddMinutes(seq) };
            await store.EnqueueAsync(_lane, 0, [new LaneMessage("probe", "s", envelope)], CancellationToken.None);
        }
        var offsets = (await store.ReadAsync(_lane, 0, 0, 10, CancellationToken.None)).Select(m => m.Offset).ToList();
        await store.AcknowledgeAsync(_lane, 0, offsets[0], CancellationToken.None);

        var (_, backlog) = await store.ReadBacklogAsync(CancellationToken.None);

        var partition = Assert.Single(backlog, b => b.Lane == _lane);
        Assert.Equal(new PartitionBacklog(_lane, 0, 2, offsets[1], At.AddMinutes(2)), partition);
    }

    [Fact]
    public async Task Concurrent_enqueues_share_transactions()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        await store.InitializeAsync(CancellationToken.None);
        const int publishers = 200;

        await Task.WhenAll(Enumerable.Range(1, publishers).Select(seq => store.EnqueueAsync(_lane, seq % 2, [Message("s", seq)], CancellationToken.None)));

        var transactions = store.CommittedTransactions;
        Assert.Equal(publishers, await store.CountPendingAsync(_lane, 0, CancellationToken.None) + await store.CountPendingAsync(_lane, 1, CancellationToken.None));
        Assert.True(transactions < publishers / 2, $"{publishers} concurrent enqueues took {transactions} transactions");
    }

    [Fact]
    public async Task Dead_letters_are_listed_oldest_first_counted_and_removed_once()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        await store.AddAsync(_lane, Envelope(1), "payload is not an object", CancellationToken.None);
        await store.DeadLetterAsync(_lane, 1, offset: 42, Message("s", 2), "delivery failed", CancellationToken.None);
        await store.AddAsync("another-" + _lane, Envelope(3), "elsewhere", CancellationToken.None);

        var letters = await store.ListAsync(_lane, 10, CancellationToken.None);

        Assert.Equal([(1L, "payload is not an object"), (2L, "delivery failed")], letters.Select(l => (l.Envelope.Seq, l.Reason)));
        Assert.All(letters, l => Assert.Equal(_lane, l.Lane));
        Assert.Equal(Envelope(2), letters[1].Envelope);
        Assert.InRange(letters[0].FailedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(2, await store.CountAsync(_lane, CancellationToken.None));
        Assert.True(await store.RemoveAsync(_lane, letters[0].Id, CancellationToken.None));
        Assert.False(await store.RemoveAsync(_lane, letters[0].Id, CancellationToken.None));
        Assert.Equal(1, await store.CountAsync(_lane, CancellationToken.None));
    }

    [Fact]
    public async Task The_gauges_report_pending_messages_per_partition_and_dead_letters_per_lane()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        store.DeclareLane(_lane, partitions: 3);
        await store.EnqueueAsync(_lane, 1, [Message("s", 1), Message("s", 2)], CancellationToken.None);
        await store.AddAsync(_lane, Envelope(3), "bad", CancellationToken.None);

        var readings = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LaneInstruments.MeterName && instrument.Name is LaneInstruments.LagName or LaneInstruments.DeadLetterDepthName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
                if (Equals(tagged.GetValueOrDefault(LaneInstruments.LaneTag), _lane))
                {
                    readings.Add((instrument.Name, value, tagged));
                }
            });
            listener.Start();
            listener.RecordObservableInstruments();
        }

        var lag = readings.Where(r => r.Instrument == LaneInstruments.LagName).ToDictionary(r => (int)r.Tags[LaneInstruments.PartitionTag]!, r => r.Value);
        Assert.Equal(new Dictionary<int, long> { [0] = 0, [1] = 2, [2] = 0 }, lag);
        var depth = Assert.Single(readings, r => r.Instrument == LaneInstruments.DeadLetterDepthName);
        Assert.Equal(1, depth.Value);
    }

    [Fact]
    public async Task An_envelope_with_a_missing_field_is_rejected_alone()
    {
        await using var store = new SqliteLaneStore(_directory.Path);
        var broken = new LaneMessage("ns", "k", Envelope(1) with { Payload = null! });

        var good = store.EnqueueAsync(_lane, 0, [Message("s", 2)], CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync(_lane, 0, [broken], CancellationToken.None));

        await good;
        Assert.Equal(1, await store.CountPendingAsync(_lane, 0, CancellationToken.None));
    }

    public void Dispose() => _directory.Dispose();

    private static EventEnvelope Envelope(long seq) => new("t", "e", "src", seq, "probe.recorded", At.AddSeconds(seq), $$"""{"seq":{{seq}}}""");

    private static LaneMessage Message(string key, long seq) => new("probe", key, Envelope(seq));
}
