using System.Collections.Concurrent;
using Actors.Contracts;
using Actors.Contracts.Billing;

namespace Actors.Tests.Cli;

/// <summary>
/// An account grain stand-in whose Record answers come from a script (throw this, then that, then succeed), and
/// which keeps every event object it was handed, so tests can see exactly what each attempt sent.
/// </summary>
internal sealed class ScriptedAccountGrain(string key, params Func<BillingEvent, Exception?>[] script) : IAccountGrain
{
    private int _calls;

    public string Key { get; } = key;

    public ConcurrentQueue<BillingEvent> Received { get; } = new();

    public Task<RecordOutcome> Record(BillingEvent billingEvent)
    {
        Received.Enqueue(billingEvent);
        var call = Interlocked.Increment(ref _calls) - 1;
        if (call < script.Length && script[call](billingEvent) is { } failure)
        {
            return Task.FromException<RecordOutcome>(failure);
        }

        var (tenant, account) = EntityKey.Parse(Key);
        return Task.FromResult(new RecordOutcome(
            tenant, account, billingEvent.Source, billingEvent.Seq, Duplicate: call > 0, LedgerPosition: 1, GlobalPosition: 1, DateTimeOffset.UnixEpoch));
    }

    public Task<AccountBalance> GetBalance() => throw new NotSupportedException("not scripted");

    public Task<List<LedgerRecord>> GetLedger(long fromPosition, int max) => throw new NotSupportedException("not scripted");
}
