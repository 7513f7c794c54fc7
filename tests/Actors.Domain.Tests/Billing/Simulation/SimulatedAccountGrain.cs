using System.Text.Json;
using Actors.Contracts.Billing;
using Actors.Domain.Billing;
using Actors.Domain.Dedup;

namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>
/// The account grain's record path with the I/O replaced by <see cref="SimulatedLedger"/>: activate from the latest
/// snapshot plus the ledger tail, decide, look up or append, apply, snapshot every N positions.
/// </summary>
internal sealed class SimulatedAccountGrain(
    SimulatedLedger ledger,
    int maxIntervals,
    int snapshotEvery,
    double staleSnapshotChance,
    Random random,
    SimulationTotals totals)
{
    // Serialised, because the real grain persists them as JSON and a snapshot that does not survive that is useless.
    private readonly List<string> _snapshots = [];
    private AccountState? _state;

    /// <summary>The in-memory state, activating (rebuilding) it first if a crash dropped it.</summary>
    public AccountState State => _state ??= Activate();

    /// <summary>The silo dies: in-memory state is gone; the ledger and saved snapshots survive.</summary>
    public void Crash() => _state = null;

    public SimulatedOutcome Record(BillingEvent e, bool crashAfterCommit)
    {
        var state = State;
        switch (AccountDecider.Decide(state, e))
        {
            case AppendDecision append:
                return Append(state, e, append, crashAfterCommit);
            case LookUpDecision lookUp:
                var original = ledger.Find(lookUp.Source, lookUp.Seq);
                if (lookUp.Verdict == DedupVerdict.Unknown)
                {
                    totals.UnknownLookUps++;
                    if (original is null)
                    {
                        totals.UnknownResolvedAsNew++;
                    }
                    else
                    {
                        totals.UnknownResolvedAsExisting++;
                    }
                }
                if (original is null)
                {
                    return Append(state, e, AccountDecider.DecideAbsent(state, e), crashAfterCommit);
                }
                var verdict = AccountDecider.CheckDuplicate(original.Type, original.Payload, e);
                return new SimulatedOutcome(verdict == DuplicateVerdict.Duplicate ? SimulatedOutcomeKind.Duplicate : SimulatedOutcomeKind.Conflict, original.Position);
            case var other:
                throw new InvalidOperationException($"unexpected decision {other}.");
        }
    }

    private SimulatedOutcome Append(AccountState state, BillingEvent e, AppendDecision append, bool crashAfterCommit)
    {
        ledger.Append(append);
        if (crashAfterCommit)
        {
            _state = null;
            return new SimulatedOutcome(SimulatedOutcomeKind.Lost, append.Position);
        }
        state.Apply(e, append.Position);
        if (append.Position % snapshotEvery == 0)
        {
            _snapshots.Add(JsonSerializer.Serialize(state.ToSnapshot()));
        }
        return new SimulatedOutcome(SimulatedOutcomeKind.Appended, append.Position);
    }

    private AccountState Activate()
    {
        totals.Activations++;
        var chosen = _snapshots.Count - 1;
        if (chosen >= 0 && random.NextDouble() < staleSnapshotChance)
        {
            // The latest snapshot write may have failed: any older one (or none) must give the same state after replay.
            chosen = random.Next(-1, chosen);
            totals.StaleSnapshotActivations++;
        }
        var state = chosen < 0
            ? new AccountState(maxIntervals)
            : AccountState.FromSnapshot(JsonSerializer.Deserialize<AccountSnapshot>(_snapshots[chosen])!);
        foreach (var row in ledger.RowsAfter(state.Position))
        {
            state.Apply(BillingEventCodec.Deserialize(row.Type, row.Payload), row.Position);
        }
        return state;
    }
}
