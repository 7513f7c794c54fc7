using System.Text.Json;
using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Xunit.Sdk;

namespace Actors.Domain.Tests.Inventory.Simulation;

/// <summary>
/// The stock grain's protocol over an in-memory ledger: decide, append the accepted transitions (the ledger's unique key
/// on (source, seq) enforced), then apply. Rows are stored encoded, as the real ledger stores them. A crash drops the
/// state and rebuilds it by replaying the ledger, from scratch or from the last saved snapshot (kept as JSON) plus the
/// rows after it.
/// </summary>
internal sealed class SimulatedStockGrain(int maxIntervals)
{
    private readonly List<(string Type, string Payload)> _ledger = [];
    private readonly Dictionary<(string Source, long Seq), int> _byKey = [];
    private string? _savedSnapshot;

    public StockState State { get; private set; } = new(maxIntervals);

    /// <summary>When set, the next accepted decision is appended and then the grain dies before applying or answering.</summary>
    public bool CrashAfterNextAppend { get; set; }

    public int LedgerLength => _ledger.Count;

    public StockDecision Record(StockEvent e, Action onLookUp)
    {
        var decision = StockDecider.Decide(State, e);
        if (decision is StockLookUp lookUp)
        {
            onLookUp();
            var original = _byKey.TryGetValue((lookUp.Source, lookUp.Seq), out var row) ? Decode(_ledger[row]) : null;
            decision = StockDecider.DecideWithOriginal(State, e, original);
        }
        return Commit(decision);
    }

    public StockDecision Commit(StockDecision decision)
    {
        if (decision is not StockAccepted accepted)
        {
            return decision;
        }
        foreach (var transition in accepted.Transitions)
        {
            if (!_byKey.TryAdd((transition.LedgerSource, transition.LedgerSeq), _ledger.Count))
            {
                throw new XunitException($"ledger unique key ({transition.LedgerSource}, {transition.LedgerSeq}) hit twice by {transition}.");
            }
            _ledger.Add((StockTransitionCodec.TypeOf(transition), StockTransitionCodec.Serialize(transition)));
        }
        if (CrashAfterNextAppend)
        {
            CrashAfterNextAppend = false;
            State = Replay(fromSnapshot: true);
            return decision;
        }
        foreach (var transition in accepted.Transitions)
        {
            StockDecider.Apply(State, transition);
        }
        return decision;
    }

    /// <summary>Drops the live state for one rebuilt from the ledger; the two must be indistinguishable.</summary>
    public void Crash(bool fromSnapshot)
    {
        var rebuilt = Replay(fromSnapshot);
        var live = Fingerprint(State);
        var replayed = Fingerprint(rebuilt);
        if (live != replayed)
        {
            throw new XunitException($"state rebuilt from the ledger differs from the live one:\nlive:     {live}\nrebuilt:  {replayed}");
        }
        State = rebuilt;
    }

    /// <summary>Everything a state holds, in a canonical order, so equal states print equal.</summary>
    public static string Fingerprint(StockState state) => JsonSerializer.Serialize(new
    {
        state.Version,
        state.AsOf,
        state.Buckets,
        state.Received,
        state.NetAdjusted,
        state.TransferredIn,
        state.TransferredOut,
        Outbound = state.OutboundTransfers.Values.OrderBy(t => t.TransferId, StringComparer.Ordinal).ToList(),
        ReceivedTransfers = state.ReceivedTransfers.Order(StringComparer.Ordinal).ToList(),
        Reservations = state.Reservations.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
        Dedup = state.Dedup.ToSnapshot(),
    });

    /// <summary>Saves the live state as the grain would persist it.</summary>
    public void SaveSnapshot() => _savedSnapshot = JsonSerializer.Serialize(State.ToStateSnapshot());

    public bool HasSnapshot => _savedSnapshot is not null;

    private StockState Replay(bool fromSnapshot)
    {
        var state = fromSnapshot && _savedSnapshot is { } saved
            ? StockState.FromStateSnapshot(JsonSerializer.Deserialize<StockStateSnapshot>(saved)!)
            : new StockState(maxIntervals);
        foreach (var row in _ledger.Skip(checked((int)state.Version)))
        {
            StockDecider.Apply(state, Decode(row));
        }
        return state;
    }

    private static StockTransition Decode((string Type, string Payload) row) => StockTransitionCodec.Deserialize(row.Type, row.Payload);
}
