using Actors.Client;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>
/// The SDK retries transient failures with the very same event (so the idempotency key and payload never change)
/// and never retries a grain's verdict.
/// </summary>
public sealed class BillingClientRetryTests
{
    private static readonly Func<BillingEvent, Exception?> SiloDown = _ => new SiloUnavailableException("silo went away");
    private static readonly Func<BillingEvent, Exception?> Timeout = _ => new TimeoutException("response timed out");
    private static readonly Func<BillingEvent, Exception?> ConnectionLost = _ => new ConnectionFailedException("gateway connection lost");

    private static ActorsClientOptions FastRetries(int attempts, TimeProvider? time = null) => new()
    {
        Retry = { MaxRetryAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        TimeProvider = time ?? TimeProvider.System,
    };

    [Fact]
    public async Task Transient_failures_are_retried_with_the_same_event_and_occurred_at_taken_once()
    {
        var grain = new ScriptedAccountGrain("acme/c1", SiloDown, Timeout, ConnectionLost);
        var clock = new SteppingClock(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(4, clock));

        var outcome = await client.Billing.RecordUsageAsync("acme", "c1", "meter-1", 42, "api-calls", 7, unitPriceMinor: 3);

        var sent = grain.Received.ToArray();
        Assert.Equal(4, sent.Length);
        Assert.All(sent, e => Assert.Same(sent[0], e));
        Assert.Equal(1, clock.Reads);
        Assert.Equal(DateTimeOffset.Parse("2030-01-01T00:00:00Z"), sent[0].OccurredAt);
        Assert.Equal(("meter-1", 42L), (outcome.Source, outcome.Seq));
    }

    [Fact]
    public async Task A_conflict_is_final()
    {
        var grain = new ScriptedAccountGrain("acme/c1", _ => new ConflictException("acme/c1", "s", 1), SiloDown);
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(4));

        await Assert.ThrowsAsync<ConflictException>(() => client.Billing.GrantCreditAsync("acme", "c1", "s", 1, 500));

        Assert.Single(grain.Received);
    }

    [Fact]
    public async Task An_invalid_event_verdict_is_final()
    {
        var grain = new ScriptedAccountGrain("acme/c1", _ => new InvalidEventException("rejected by the grain"), SiloDown);
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(4));

        await Assert.ThrowsAsync<InvalidEventException>(() => client.Billing.ReceivePaymentAsync("acme", "c1", "bank", 9, 1200, reference: "t-1"));

        Assert.Single(grain.Received);
    }

    [Fact]
    public async Task Exhausted_retries_surface_as_cluster_unavailable_with_the_last_cause()
    {
        var grain = new ScriptedAccountGrain("acme/c1", SiloDown, SiloDown, SiloDown);
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(2));

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(
            () => client.Billing.PostAdjustmentAsync("acme", "c1", "ops", 5, -250, reason: "refund"));

        Assert.Equal(3, grain.Received.Count);
        Assert.IsType<SiloUnavailableException>(error.InnerException);
        Assert.Contains("3 attempt(s)", error.Message);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var grain = new ScriptedAccountGrain("acme/c1", _ => new InvalidOperationException("bug in the grain"), SiloDown);
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(4));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Billing.RecordUsageAsync("acme", "c1", "s", 1, "m", 1));

        Assert.Single(grain.Received);
    }

    [Theory]
    [InlineData("ac me", "c1", "s", 1L)]
    [InlineData("acme", "", "s", 1L)]
    [InlineData("acme", "c1", "", 1L)]
    [InlineData("acme", "c1", "s", 0L)]
    public async Task Invalid_input_throws_before_any_call(string tenant, string account, string source, long seq)
    {
        var grain = new ScriptedAccountGrain("acme/c1");
        var client = ActorsClient.FromClusterClient(FakeClusterClient.For(grain), FastRetries(4));

        await Assert.ThrowsAsync<InvalidEventException>(() => client.Billing.RecordUsageAsync(tenant, account, source, seq, "m", 1));

        Assert.Empty(grain.Received);
    }

    /// <summary>A clock that moves one second each time it is read, so a second read would show up as a different time.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private int _reads;

        public int Reads => _reads;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _reads) - 1);
    }
}
