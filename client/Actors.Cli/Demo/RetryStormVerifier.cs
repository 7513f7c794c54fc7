using System.Collections.Concurrent;
using Actors.Client.Billing;
using Actors.Contracts.Billing;

namespace Actors.Cli.Demo;

/// <summary>Reads every account of a storm back and compares it with the plan.</summary>
public sealed class RetryStormVerifier(BillingClient billing)
{
    /// <summary>Builds the report of <paramref name="plan"/> after <paramref name="tally"/>.</summary>
    public async Task<RetryStormReport> VerifyAsync(RetryStormPlan plan, SendTally tally, CancellationToken cancellationToken)
    {
        var settings = plan.Settings;
        var balances = new ConcurrentDictionary<string, AccountBalance>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plan.Accounts, parallel, async (account, token) =>
            balances[account] = await billing.GetBalanceAsync(settings.Tenant, account, token));

        long expectedTotal = 0, actualTotal = 0, actualEvents = 0, excess = 0;
        int mismatched = 0, doubleCharged = 0;
        foreach (var (account, expected) in plan.ExpectedBalanceMinor)
        {
            var balance = balances[account];
            var actual = balance.BalanceMinor.GetValueOrDefault(RetryStormPlan.Currency);
            expectedTotal += expected;
            actualTotal += actual;
            actualEvents += balance.EventCount;
            if (actual != expected || balance.EventCount != settings.EventsPerAccount)
            {
                mismatched++;
            }
            if (actual > expected)
            {
                doubleCharged++;
                excess += actual - expected;
            }
        }

        var seconds = Math.Max(tally.Elapsed.TotalSeconds, 1e-9);
        var expectedEvents = (long)settings.Accounts * settings.EventsPerAccount;
        return new RetryStormReport(
            settings.Tenant,
            settings.Seed,
            settings.Accounts,
            settings.EventsPerAccount,
            settings.Duplicates,
            settings.Concurrency,
            tally.Sends,
            tally.FailedSends,
            tally.DuplicatesAnswered,
            expectedEvents * (settings.Duplicates - 1),
            expectedEvents,
            actualEvents,
            expectedTotal,
            actualTotal,
            mismatched,
            doubleCharged,
            excess,
            Math.Round(tally.Elapsed.TotalSeconds, 3),
            Math.Round(tally.Sends / seconds, 1),
            Math.Round(expectedEvents / seconds, 1),
            tally.FirstFailure);
    }
}
