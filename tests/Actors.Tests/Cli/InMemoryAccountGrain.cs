using Actors.Contracts;
using Actors.Contracts.Billing;

namespace Actors.Tests.Cli;

/// <summary>
/// A usage-only account kept in memory. With <c>deduplicate: false</c> it charges every send, like a consumer without
/// idempotency, which is exactly what the retry-storm demo must catch.
/// </summary>
internal sealed class InMemoryAccountGrain(string key, bool deduplicate) : IAccountGrain
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Source, long Seq), RecordOutcome> _seen = [];
    private long _balance;
    private long _position;

    public Task<RecordOutcome> Record(BillingEvent billingEvent)
    {
        var (tenant, account) = EntityKey.Parse(key);
        var usage = (UsageRecorded)billingEvent;
        lock (_gate)
        {
            if (deduplicate && _seen.TryGetValue((usage.Source, usage.Seq), out var original))
            {
                return Task.FromResult(original with { Duplicate = true });
            }
            _position++;
            _balance += usage.Quantity * usage.UnitPriceMinor!.Value;
            var outcome = new RecordOutcome(tenant, account, usage.Source, usage.Seq, false, _position, _position, DateTimeOffset.UnixEpoch);
            _seen[(usage.Source, usage.Seq)] = outcome;
            return Task.FromResult(outcome);
        }
    }

    public Task<AccountBalance> GetBalance()
    {
        var (tenant, account) = EntityKey.Parse(key);
        lock (_gate)
        {
            return Task.FromResult(new AccountBalance(tenant, account, new() { ["USD"] = _balance }, [], _position, _position));
        }
    }

    public Task<List<LedgerRecord>> GetLedger(long fromPosition, int max) => throw new NotSupportedException("not needed by the storm");
}
