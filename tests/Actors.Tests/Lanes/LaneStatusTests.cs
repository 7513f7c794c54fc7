using Actors.Cli;
using Actors.Client;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Events;
using Actors.Domain.Billing;
using Actors.Streaming.Lanes;
using Actors.Tests.Billing;
using Actors.Tests.Cli;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Lanes;

/// <summary><c>actors lanes status</c>: every partition of both lanes, its lag, delivered total and the lane's DLQ depth.</summary>
public sealed class LaneStatusTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Status_lists_every_partition_of_both_lanes()
    {
        var client = ActorsClient.FromClusterClient(fixture.Client);

        var status = await client.Events.GetLaneStatusAsync();

        // The local profile's defaults: critical 2 partitions, bulk 4.
        Assert.Equal(Enumerable.Range(0, 2), status.Where(r => r.Lane == LaneNames.Critical).Select(r => r.Partition).Order());
        Assert.Equal(Enumerable.Range(0, 4), status.Where(r => r.Lane == LaneNames.Bulk).Select(r => r.Partition).Order());
        Assert.Equal(6, status.Count);
    }

    [Fact]
    public async Task Published_events_are_delivered_and_leave_no_lag()
    {
        const int Payments = 12;
        const int Usages = 9;
        var client = ActorsClient.FromClusterClient(fixture.Client);
        var before = await client.Events.GetLaneStatusAsync();
        var account = "status-" + Guid.NewGuid().ToString("N")[..8];
        var envelopes = Enumerable.Range(1, Payments).Select(seq => BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Payment("bank", seq, amount: 5)))
            .Concat(Enumerable.Range(1, Usages).Select(seq => BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", seq, quantity: 1))))
            .ToList();

        var receipts = await fixture.Client.GetGrain<IEventIngressGrain>(0).PublishBatch(envelopes);
        Assert.Equal(Payments, receipts.Count(r => r.Lane == LaneNames.Critical));
        Assert.Equal(Usages, receipts.Count(r => r.Lane == LaneNames.Bulk));

        // Other test classes in this process deliver too, and the embedded delivered total counts the whole process: at least.
        var after = await Eventually.Until(
            () => client.Events.GetLaneStatusAsync(),
            rows => rows.All(r => r.Pending == 0)
                && Delivered(before, rows, LaneNames.Critical) >= Payments
                && Delivered(before, rows, LaneNames.Bulk) >= Usages,
            Deadline,
            "no lag and the published events counted as delivered");

        var balance = await fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).GetBalance();
        Assert.Equal(Payments + Usages, balance.EventCount);
        foreach (var row in after)
        {
            var earlier = before.Single(r => r.Lane == row.Lane && r.Partition == row.Partition);
            Assert.True(row.Committed >= earlier.Committed, $"{row.Lane}/{row.Partition}: committed went back from {earlier.Committed} to {row.Committed}");
        }
        // The account's events sit on one partition per lane: that partition's committed position moved past them.
        Assert.Contains(after, row => row.Lane == LaneNames.Critical
            && row.Committed > before.Single(r => r.Lane == row.Lane && r.Partition == row.Partition).Committed);
        Assert.Contains(after, row => row.Lane == LaneNames.Bulk
            && row.Committed > before.Single(r => r.Lane == row.Lane && r.Partition == row.Partition).Committed);
    }

    [Fact]
    public async Task A_dead_letter_shows_in_its_lane_only()
    {
        var client = ActorsClient.FromClusterClient(fixture.Client);
        var before = await client.Events.GetLaneStatusAsync();
        var envelope = BillingEnvelopeCodec.ToEnvelope("t1", "status-dlq-" + Guid.NewGuid().ToString("N")[..8], Events.Usage("meter", 1, quantity: 1));
        var queue = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();
        await queue.AddAsync(LaneNames.Bulk, envelope, "rejected by its consumer", CancellationToken.None);

        var after = await client.Events.GetLaneStatusAsync();

        Assert.All(after.Where(r => r.Lane == LaneNames.Bulk), r => Assert.Equal(DeadLetters(before, LaneNames.Bulk) + 1, r.DeadLetters));
        Assert.All(after.Where(r => r.Lane == LaneNames.Critical), r => Assert.Equal(DeadLetters(before, LaneNames.Critical), r.DeadLetters));
    }

    [Fact]
    public async Task Cli_rejects_an_interval_that_is_not_a_duration()
    {
        var run = await CliRun.StartAsync("lanes", "status", "--interval", "soon");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--interval must be a duration", run.Stderr);
    }

    private static long Delivered(IReadOnlyList<LaneStatusRow> before, IReadOnlyList<LaneStatusRow> after, string lane) =>
        after.Where(r => r.Lane == lane).Sum(r => r.DeliveredTotal) - before.Where(r => r.Lane == lane).Sum(r => r.DeliveredTotal);

    private static long DeadLetters(IReadOnlyList<LaneStatusRow> rows, string lane) => rows.First(r => r.Lane == lane).DeadLetters;
}
