using System.Collections.Concurrent;
using Actors.Cli.Demo;
using Actors.Client;
using Actors.Contracts.Billing;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>The retry-storm passes only against idempotent accounts and reports the double charges of one that is not.</summary>
public sealed class RetryStormOutcomeTests
{
    private static readonly RetryStormSettings Settings = new(
        "storm-test", Accounts: 3, EventsPerAccount: 8, Duplicates: 3, Concurrency: 4, Seed: 11, MaxDelayMilliseconds: 0);

    private static async Task<RetryStormReport> StormAsync(bool deduplicate)
    {
        var accounts = new ConcurrentDictionary<string, IAccountGrain>();
        var cluster = FakeClusterClient.For(key => accounts.GetOrAdd(key, k => new InMemoryAccountGrain(k, deduplicate)));
        var billing = ActorsClient.FromClusterClient(cluster).Billing;
        var plan = RetryStormPlan.Create(Settings, DateTimeOffset.UnixEpoch);

        var tally = await new RetryStormSender(billing).SendAsync(plan, static () => { }, CancellationToken.None);
        return await new RetryStormVerifier(billing).VerifyAsync(plan, tally, CancellationToken.None);
    }

    [Fact]
    public async Task Idempotent_accounts_match_the_expected_balances()
    {
        var report = await StormAsync(deduplicate: true);

        Assert.True(report.Ok, report.ToString());
        Assert.Equal(3 * 8 * 3, report.Sends);
        Assert.Equal(3 * 8 * 2, report.DuplicatesAnswered);
        Assert.Equal(report.ExpectedTotalMinor, report.ActualTotalMinor);
        Assert.Equal(0, report.DoubleChargedAccounts);
    }

    [Fact]
    public async Task Accounts_that_charge_every_send_are_reported_as_double_charged()
    {
        var report = await StormAsync(deduplicate: false);

        Assert.False(report.Ok);
        Assert.Equal(3, report.MismatchedAccounts);
        Assert.Equal(3, report.DoubleChargedAccounts);
        Assert.Equal(0, report.DuplicatesAnswered);
        Assert.Equal(2 * report.ExpectedTotalMinor, report.DoubleChargeExcessMinor);
        Assert.Equal(3 * report.ExpectedTotalMinor, report.ActualTotalMinor);
    }
}
