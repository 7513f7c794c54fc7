using Actors.Client;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain.Billing;
using Actors.Streaming.Lanes;
using Actors.Tests.Billing;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Lanes;

/// <summary>Operators list and replay dead letters through the SDK; a replayed event takes effect exactly once.</summary>
public sealed class DeadLetterReplayTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_dead_letter_replayed_takes_effect_once_and_leaves_the_dlq()
    {
        var client = ActorsClient.FromClusterClient(fixture.Client);
        var account = "dlq-" + Guid.NewGuid().ToString("N")[..8];
        var envelope = BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Payment("bank", 1, amount: 70));
        // As if the critical lane had given up on it after its delivery attempts (e.g. the database was down meanwhile).
        var queue = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();
        await queue.AddAsync(LaneNames.Critical, envelope, "delivery failed 5 times", CancellationToken.None);

        var listed = (await client.Events.ListDeadLettersAsync(LaneNames.Critical, 10_000)).Single(d => d.Envelope.Entity == account);
        Assert.Equal("delivery failed 5 times", listed.Reason);

        var result = await client.Events.ReplayDeadLettersAsync(LaneNames.Critical, listed.Id);
        Assert.Equal((1, 0), (result.Replayed, result.Rejected));

        var grain = fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account));
        var balance = await Eventually.Until(() => grain.GetBalance(), b => b.EventCount == 1, Deadline, "the replayed payment on the ledger");
        Assert.Equal(-70, balance.BalanceMinor["USD"]);
        Assert.DoesNotContain(await client.Events.ListDeadLettersAsync(LaneNames.Critical, 10_000), d => d.Id == listed.Id);
        var again = await Assert.ThrowsAsync<InvalidEventException>(() => client.Events.ReplayDeadLettersAsync(LaneNames.Critical, listed.Id));
        Assert.Contains($"no dead letter with id {listed.Id}", again.Message);

        // Publishing it once more (a producer's retry) changes nothing: the ledger already has (bank, 1).
        await client.Events.PublishAsync(envelope);
        var repeat = await grain.Record(Events.Payment("bank", 1, amount: 70));
        Assert.True(repeat.Duplicate);
        Assert.Equal(-70, (await grain.GetBalance()).BalanceMinor["USD"]);
    }

    [Fact]
    public async Task Unknown_lane_is_a_clear_error()
    {
        var client = ActorsClient.FromClusterClient(fixture.Client);
        var error = await Assert.ThrowsAsync<InvalidEventException>(() => client.Events.ListDeadLettersAsync("fast"));
        Assert.Contains("lane 'fast' does not exist", error.Message);
    }
}
