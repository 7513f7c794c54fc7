using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Actors.Contracts.Events;
using Actors.Streaming.Kafka;
using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Xunit.Abstractions;

namespace Actors.IntegrationTests.Kafka;

/// <summary>The Kafka lanes end to end: publish, raw producers, dead letters for garbage and for poison events.</summary>
public sealed class KafkaLaneDeliveryTests(KafkaLaneClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaLaneClusterFixture>
{
    [Fact]
    public async Task Published_events_reach_their_consumer_on_the_lane_their_type_is_routed_to()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var published = new List<(string Lane, EventEnvelope Envelope)>();
        for (var i = 1; i <= 12; i++)
        {
            published.Add((LaneNames.Bulk, KafkaTestEvents.UsageRecorded(tenant, $"c{i % 4}", i, quantity: i)));
        }
        for (var i = 1; i <= 4; i++)
        {
            published.Add((LaneNames.Critical, KafkaTestEvents.PaymentReceived(tenant, $"c{i}", 100 + i)));
        }

        foreach (var (lane, envelope) in published)
        {
            await fixture.PublishAsync(lane, envelope);
        }

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Select(d => (d.Entity, d.Seq)).Distinct().Count() == published.Count, $"all {published.Count} events taken");
        var taken = KafkaProbeLog.Of(tenant);
        foreach (var (lane, envelope) in published)
        {
            var delivery = taken.First(d => d.Entity == envelope.Entity && d.Seq == envelope.Seq);
            Assert.Equal(lane, delivery.Lane);
            Assert.Equal(envelope.Type, delivery.Type);
            Assert.Equal(envelope.Payload, delivery.Payload);
            Assert.NotNull(delivery.EnqueuedAt);
        }
        var deadLetters = await fixture.DeadLetters.ListAsync(LaneNames.Bulk, 10_000, CancellationToken.None);
        Assert.DoesNotContain(deadLetters, d => d.Envelope.Tenant == tenant);
    }

    [Fact]
    public async Task The_adapter_writes_the_documented_wire_format_keyed_by_tenant_and_entity()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var envelope = KafkaTestEvents.UsageRecorded(tenant, "wire", 7, quantity: 3);
        await fixture.PublishAsync(LaneNames.Bulk, envelope);

        var message = await FindInTopicAsync(fixture.BulkTopic, Encoding.UTF8.GetBytes($"{tenant}/wire"));

        using var json = JsonDocument.Parse(message.Value);
        var root = json.RootElement;
        Assert.Equal(
            ["tenant", "entity", "source", "seq", "type", "occurredAt", "payload"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(tenant, root.GetProperty("tenant").GetString());
        Assert.Equal("wire", root.GetProperty("entity").GetString());
        Assert.Equal("meter-1", root.GetProperty("source").GetString());
        Assert.Equal(7, root.GetProperty("seq").GetInt64());
        Assert.Equal("UsageRecorded", root.GetProperty("type").GetString());
        Assert.Equal(envelope.OccurredAt, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("payload").ValueKind);
        Assert.Equal(3, root.GetProperty("payload").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_message_any_Kafka_client_writes_into_the_topic_is_consumed_like_a_published_one()
    {
        var tenant = KafkaTestEvents.NewTenant();
        // Hand-written, as a Go or Java service would produce it; librdkafka's default partitioner, not ours.
        var value = $$$"""{"tenant":"{{{tenant}}}","entity":"raw-1","source":"billing-go","seq":41,"type":"UsageRecorded","occurredAt":"2030-01-01T12:00:00Z","payload":{"meter":"storage","quantity":9}}""";

        await fixture.RawProducer.ProduceAsync(fixture.BulkTopic, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes($"{tenant}/raw-1"),
            Value = Encoding.UTF8.GetBytes(value),
        });

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Count == 1, "the raw message taken by the probe");
        var delivery = KafkaProbeLog.Of(tenant).Single();
        Assert.Equal((LaneNames.Bulk, "raw-1", 41L, "UsageRecorded"), (delivery.Lane, delivery.Entity, delivery.Seq, delivery.Type));
        Assert.Equal("""{"meter":"storage","quantity":9}""", delivery.Payload);
        Assert.NotNull(delivery.EnqueuedAt);
    }

    [Fact]
    public async Task A_slow_delivery_holds_the_commit_back_while_later_messages_of_the_partition_are_delivered()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var partition = Partition(LaneNames.Critical, 1);
        var release = KafkaProbeLog.Hold(tenant, "slow", 1);
        try
        {
            var slow = await ProduceAsync(partition, KafkaTestEvents.PaymentReceived(tenant, "slow", 1));
            long last = 0;
            for (var i = 1; i <= 5; i++)
            {
                last = (await ProduceAsync(partition, KafkaTestEvents.PaymentReceived(tenant, $"fast{i}", 1))).Offset.Value;
            }

            await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Count == 5, "the five messages behind the slow one taken");
            var committed = ReaderOf(partition).CommittedOffset;
            Assert.True(committed <= slow.Offset.Value, $"committed {committed}, past the undelivered offset {slow.Offset.Value}");

            release.SetResult();
            await KafkaEventually.Until(() => ReaderOf(partition).CommittedOffset > last, "the commit past every message once the slow one is delivered");
            Assert.Contains(KafkaProbeLog.Of(tenant), d => d.Entity == "slow");
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task An_entity_whose_events_arrive_through_two_partitions_gets_all_of_them()
    {
        // Producers with another partitioner (librdkafka's default is crc32, Java's murmur2) can split one entity's events
        // over partitions. Offsets of two partitions are unrelated sequences; the later event here has the LOWER offset,
        // which Orleans' rewind handshake would take as already delivered if the adapter declared itself rewindable.
        var tenant = KafkaTestEvents.NewTenant();
        var topic = fixture.CriticalTopic;
        var ends = await Task.Run(() => EndOffsets(topic));
        var (ahead, behind) = (Partition(LaneNames.Critical, 0), Partition(LaneNames.Critical, 1));
        for (var filler = ends[ahead.Partition.Value]; filler <= ends[behind.Partition.Value] + 2; filler++)
        {
            await ProduceAsync(ahead, KafkaTestEvents.PaymentReceived(tenant, "filler", filler + 1));
        }

        var first = await ProduceAsync(ahead, KafkaTestEvents.PaymentReceived(tenant, "split", 1));
        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Any(d => d.Entity == "split"), "the first event of the split entity taken");
        var second = await ProduceAsync(behind, KafkaTestEvents.PaymentReceived(tenant, "split", 2));
        await ProduceAsync(ahead, KafkaTestEvents.PaymentReceived(tenant, "split", 3));

        await KafkaEventually.Until(
            () => KafkaProbeLog.Of(tenant).Where(d => d.Entity == "split").Select(d => d.Seq).Distinct().Count() == 3,
            () => $"all three events of the split entity taken (got seqs {string.Join(",", KafkaProbeLog.Of(tenant).Where(d => d.Entity == "split").Select(d => d.Seq))})");
        if (ahead.Partition != behind.Partition)
        {
            Assert.True(second.Offset.Value < first.Offset.Value, "the scenario needs the later event at the lower offset");
        }
    }

    private Dictionary<int, long> EndOffsets(string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = fixture.BootstrapServers, GroupId = "test-watermarks" }).Build();
        return Enumerable.Range(0, fixture.Partitions[topic])
            .ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    [Fact]
    public async Task Garbage_and_unknown_types_go_to_the_dead_letter_topic_with_the_reason_and_the_partition_keeps_flowing()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var partition = Partition(LaneNames.Bulk, 0);
        var garbage = new byte[] { 0xFF, 0x00, (byte)'{', 0x13, 0x37 };
        var unknownType = $$$"""{"tenant":"{{{tenant}}}","entity":"dl","source":"s","seq":1,"type":"NoSuchEvent","occurredAt":"2030-01-01T12:00:00Z","payload":{}}""";
        var good = $$$"""{"tenant":"{{{tenant}}}","entity":"dl","source":"s","seq":2,"type":"UsageRecorded","occurredAt":"2030-01-01T12:00:00Z","payload":{"meter":"m","quantity":1}}""";

        await fixture.RawProducer.ProduceAsync(partition, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes("junk"), Value = garbage });
        await fixture.RawProducer.ProduceAsync(partition, new Message<byte[]?, byte[]> { Key = null, Value = Encoding.UTF8.GetBytes(unknownType) });
        var goodWrite = await fixture.RawProducer.ProduceAsync(partition, new Message<byte[]?, byte[]> { Key = null, Value = Encoding.UTF8.GetBytes(good) });

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Any(d => d.Seq == 2), "the good message after the bad ones taken");
        IReadOnlyList<DeadLetter> deadLetters = [];
        await KafkaEventually.Until(
            async () =>
            {
                deadLetters = await fixture.DeadLetters.ListAsync(LaneNames.Bulk, 10_000, CancellationToken.None);
                return deadLetters.Any(d => d.Envelope.Tenant == tenant) && deadLetters.Any(d => d.Envelope.Payload.Contains(Convert.ToBase64String(garbage)));
            },
            () => $"both bad messages in the bulk dead-letter topic; it holds: {string.Join(" | ", deadLetters.Select(d => $"{d.Id} {d.Envelope.Tenant} {d.Envelope.Type} {d.Envelope.Payload} {d.Reason}"))}");

        var garbageLetter = deadLetters.Single(d => d.Envelope.Payload.Contains(Convert.ToBase64String(garbage)));
        Assert.StartsWith("unparseable envelope: not valid JSON", garbageLetter.Reason);
        Assert.Equal(LaneNames.Bulk, garbageLetter.Lane);
        var unknownLetter = deadLetters.Single(d => d.Envelope.Tenant == tenant);
        Assert.Equal("NoSuchEvent", unknownLetter.Envelope.Type);
        Assert.Contains("unknown event type 'NoSuchEvent'", unknownLetter.Reason);
        Assert.Single(KafkaProbeLog.Of(tenant));
        await KafkaEventually.Until(
            () => ReaderOf(partition).CommittedOffset > goodWrite.Offset.Value,
            "the committed offset past the dead-lettered and the good message");
    }

    [Fact]
    public async Task An_event_its_consumer_always_fails_is_tried_MaxDeliveryAttempts_times_then_dead_lettered_and_the_stream_goes_on()
    {
        var tenant = KafkaTestEvents.NewTenant();
        KafkaProbeLog.RefuseAlways(tenant, "poison", 2);
        var partition = Partition(LaneNames.Critical, 2);

        long last = 0;
        for (var seq = 1; seq <= 3; seq++)
        {
            last = (await ProduceAsync(partition, KafkaTestEvents.PaymentReceived(tenant, "poison", seq))).Offset.Value;
        }

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Any(d => d.Seq == 3), "the event after the poison one taken");
        Assert.Equal(KafkaLaneClusterFixture.MaxDeliveryAttempts, KafkaProbeLog.Attempts(tenant, "poison", 2));
        Assert.Equal([1L, 3L], KafkaProbeLog.Of(tenant).Select(d => d.Seq).Distinct().Order().ToArray());
        var deadLetters = await fixture.DeadLetters.ListAsync(LaneNames.Critical, 10_000, CancellationToken.None);
        var poison = Assert.Single(deadLetters, d => d.Envelope.Tenant == tenant);
        Assert.Equal(("poison", 2L, KafkaTestEvents.Payment), (poison.Envelope.Entity, poison.Envelope.Seq, poison.Envelope.Type));
        Assert.Contains($"failed {KafkaLaneClusterFixture.MaxDeliveryAttempts} time(s)", poison.Reason);
        await KafkaEventually.Until(
            () => ReaderOf(partition) is { DeadLettered: > 0 } reader && reader.CommittedOffset > last,
            "the critical partition committed past the poison event");
    }

    [Fact]
    public async Task A_failing_event_inside_a_bulk_batch_loses_nothing_every_event_is_taken_or_dead_lettered()
    {
        var tenant = KafkaTestEvents.NewTenant();
        KafkaProbeLog.RefuseAlways(tenant, "batch", 3);
        var partition = Partition(LaneNames.Bulk, 3);

        for (var seq = 1; seq <= 6; seq++)
        {
            await ProduceAsync(partition, KafkaTestEvents.UsageRecorded(tenant, "batch", seq));
        }
        await KafkaEventually.Until(
            async () => (await fixture.DeadLetters.ListAsync(LaneNames.Bulk, 10_000, CancellationToken.None)).Any(d => d.Envelope.Tenant == tenant && d.Envelope.Seq == 3),
            "the refused event dead-lettered");
        var last = (await ProduceAsync(partition, KafkaTestEvents.UsageRecorded(tenant, "batch", 7))).Offset.Value;

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Any(d => d.Seq == 7), "the event published after the failure taken");
        var deadLetters = (await fixture.DeadLetters.ListAsync(LaneNames.Bulk, 10_000, CancellationToken.None)).Where(d => d.Envelope.Tenant == tenant).ToList();
        foreach (var letter in deadLetters)
        {
            output.WriteLine($"dead: seq {letter.Envelope.Seq}: {letter.Reason}");
        }
        var dead = deadLetters.Select(d => d.Envelope.Seq).ToHashSet();
        var taken = KafkaProbeLog.Of(tenant).Select(d => d.Seq).ToHashSet();
        Assert.DoesNotContain(3L, taken);
        Assert.All(Enumerable.Range(1, 7).Select(i => (long)i), seq => Assert.True(taken.Contains(seq) || dead.Contains(seq), $"seq {seq} was neither taken nor dead-lettered"));
        await KafkaEventually.Until(
            () => ReaderOf(partition) is { DeadLettered: > 0 } reader && reader.CommittedOffset > last,
            "the bulk partition committed past the failed batch");
    }

    [Fact]
    public async Task Dead_letters_are_listed_oldest_first_counted_and_removed_once_replayed()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var queue = fixture.DeadLetters;
        var before = await queue.CountAsync(LaneNames.Critical, CancellationToken.None);

        await queue.AddAsync(LaneNames.Critical, KafkaTestEvents.PaymentReceived(tenant, "dlq", 1), "amount does not match the invoice", CancellationToken.None);
        await queue.AddAsync(LaneNames.Critical, KafkaTestEvents.PaymentReceived(tenant, "dlq", 2), "currency mismatch", CancellationToken.None);

        Assert.Equal(before + 2, await queue.CountAsync(LaneNames.Critical, CancellationToken.None));
        var mine = (await queue.ListAsync(LaneNames.Critical, 10_000, CancellationToken.None)).Where(d => d.Envelope.Tenant == tenant).ToList();
        Assert.Equal([1L, 2L], mine.Select(d => d.Envelope.Seq).ToArray());
        Assert.Equal(["amount does not match the invoice", "currency mismatch"], mine.Select(d => d.Reason).ToArray());
        Assert.True(mine[0].Id < mine[1].Id);

        Assert.True(await queue.RemoveAsync(LaneNames.Critical, mine[0].Id, CancellationToken.None));
        Assert.False(await queue.RemoveAsync(LaneNames.Critical, mine[0].Id, CancellationToken.None));
        Assert.False(await queue.RemoveAsync(LaneNames.Critical, long.MaxValue, CancellationToken.None));

        Assert.Equal(before + 1, await queue.CountAsync(LaneNames.Critical, CancellationToken.None));
        var after = (await queue.ListAsync(LaneNames.Critical, 10_000, CancellationToken.None)).Where(d => d.Envelope.Tenant == tenant).ToList();
        Assert.Equal([mine[1].Id], after.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task Lanes_report_delivered_events_lag_and_dead_letter_depth_on_the_Actors_meter()
    {
        var delivered = new ConcurrentDictionary<string, long>();
        var lags = new ConcurrentDictionary<(string Lane, int Partition), long>();
        var depths = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KafkaInstruments.MeterName && instrument.Name.StartsWith("actors.lane.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var lane = (string)Tag(tags, "lane")!;
            switch (instrument.Name)
            {
                case "actors.lane.delivered":
                    delivered.AddOrUpdate(lane, value, (_, sum) => sum + value);
                    break;
                case "actors.lane.lag":
                    lags[(lane, (int)Tag(tags, "partition")!)] = value;
                    break;
                case "actors.lane.dlq.depth":
                    depths[lane] = value;
                    break;
            }
        });
        listener.Start();
        var tenant = KafkaTestEvents.NewTenant();

        for (var seq = 1; seq <= 5; seq++)
        {
            await fixture.PublishAsync(LaneNames.Bulk, KafkaTestEvents.UsageRecorded(tenant, "metered", seq));
        }

        await KafkaEventually.Until(() => delivered.GetValueOrDefault(LaneNames.Bulk) >= 5, () => $"5 bulk deliveries counted (counted {delivered.GetValueOrDefault(LaneNames.Bulk)})");
        var expectedDepth = await fixture.DeadLetters.CountAsync(LaneNames.Critical, CancellationToken.None);
        await KafkaEventually.Until(
            () =>
            {
                listener.RecordObservableInstruments();
                return depths.GetValueOrDefault(LaneNames.Critical, -1) == expectedDepth && depths.ContainsKey(LaneNames.Bulk);
            },
            () => $"the dead-letter depth gauges (critical {expectedDepth} expected, saw {string.Join(", ", depths)})");
        var partitions = fixture.OwnedPartitions().Select(p => (p.Partition.Lane, p.Partition.Partition)).ToHashSet();
        Assert.Subset(lags.Keys.ToHashSet(), partitions);
        Assert.All(lags.Values, lag => Assert.True(lag >= 0));
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }
        return null;
    }

    private Task<DeliveryResult<byte[]?, byte[]>> ProduceAsync(TopicPartition partition, EventEnvelope envelope) =>
        fixture.RawProducer.ProduceAsync(partition, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes($"{envelope.Tenant}/{envelope.Entity}"),
            Value = KafkaEnvelopeCodec.Serialize(envelope),
        });

    /// <summary>Partition <paramref name="wanted"/> of the lane topic, or a lower one when the broker made fewer.</summary>
    private TopicPartition Partition(string lane, int wanted)
    {
        var topic = fixture.TopicOf(lane);
        return new TopicPartition(topic, wanted % fixture.Partitions[topic]);
    }

    private KafkaPartitionStatus ReaderOf(TopicPartition partition) =>
        fixture.OwnedPartitions().Single(p => p.Partition.Topic == partition.Topic && p.Partition.Partition == partition.Partition.Value).Partition;

    private async Task<Message<byte[]?, byte[]?>> FindInTopicAsync(string topic, byte[] key)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = fixture.BootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            FetchWaitMaxMs = 20,
        }).Build();
        consumer.Assign(Enumerable.Range(0, fixture.Partitions[topic]).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        Message<byte[]?, byte[]?>? found = null;
        await KafkaEventually.Until(
            () =>
            {
                while (found is null && consumer.Consume(TimeSpan.FromMilliseconds(20)) is { } result)
                {
                    if (result.Message.Key is { } k && k.AsSpan().SequenceEqual(key))
                    {
                        found = result.Message;
                    }
                }
                return found is not null;
            },
            $"a message keyed {Encoding.UTF8.GetString(key)} in {topic}");
        return found!;
    }
}
