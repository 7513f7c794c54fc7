using System.Text.Json;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain.Billing;
using Actors.Domain.Dedup;
using Xunit.Sdk;

namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>
/// One seeded run: producers number events per source (with gaps), delivery duplicates, reorders, delays and corrupts
/// them, the silo crashes between and inside calls, and after every step the account is checked against a model that
/// only counts each distinct event once.
/// </summary>
internal sealed class SimulationRun
{
    private static readonly string[] SourceNames = ["billing-api", "meter-eu", "psp:stripe", "import@2025", "reconciler.v2"];
    private static readonly string[] Currencies = ["USD", "EUR", "JPY"];
    private static readonly string[] Meters = ["api-calls", "storage-gb", "egress:eu"];
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, new(5, 30, 0), TimeSpan.FromHours(-8)];

    private readonly int _seed;
    private readonly Random _random;
    private readonly SimulationTotals _totals;
    private readonly SimulatedLedger _ledger = new();
    private readonly PriorityQueue<ScheduledDelivery, (long Time, int Tiebreak)> _deliveries = new();

    // The model: the first payload to reach the ledger for a key wins; everything else about that key is answered from it.
    private readonly Dictionary<(string Source, long Seq), (BillingEvent Event, long Position)> _accepted = [];
    private readonly HashSet<(string Source, long Seq)> _emitted = [];
    private readonly Dictionary<string, long> _expectedBalance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _expectedUsage = new(StringComparer.Ordinal);

    private readonly SimulatedAccountGrain _grain;
    private readonly double _crashChance;
    private readonly double _lostReplyChance;
    private long _step;

    public SimulationRun(int seed, SimulationTotals totals)
    {
        _seed = seed;
        _random = new Random(seed);
        _totals = totals;
        var bounded = _random.Next(3) == 0;
        var maxIntervals = bounded ? _random.Next(0, 5) : SequenceSet.DefaultMaxIntervals;
        _crashChance = _random.NextDouble() * 0.08;
        _lostReplyChance = _random.NextDouble() * 0.05;
        _grain = new SimulatedAccountGrain(_ledger, maxIntervals, snapshotEvery: _random.Next(1, 12), staleSnapshotChance: 0.2, _random, totals);
        totals.Runs++;
        if (bounded)
        {
            totals.BoundedRuns++;
        }
    }

    public void Run()
    {
        Emit();
        while (_deliveries.TryDequeue(out var delivery, out var when))
        {
            _step++;
            if (_random.NextDouble() < _crashChance)
            {
                _grain.Crash();
                _totals.Crashes++;
            }
            Deliver(delivery, when.Time);
            CheckInvariants();
        }
        CheckFinalState();
    }

    private void Emit()
    {
        var sources = SourceNames.OrderBy(_ => _random.Next()).Take(_random.Next(1, 5)).ToArray();
        var emissions = sources.SelectMany(source => Enumerable.Repeat(source, _random.Next(5, 40))).OrderBy(_ => _random.Next()).ToArray();
        var lastSeq = sources.ToDictionary(source => source, _ => 0L);
        var maxDelay = _random.Next(0, 60);
        for (var time = 0; time < emissions.Length; time++)
        {
            var source = emissions[time];
            // Producers may skip numbers for good: those holes never fill and keep intervals alive.
            var seq = lastSeq[source] += _random.NextDouble() < 0.1 ? _random.Next(2, 5) : 1;
            var e = RandomEvent(source, seq, time);
            _emitted.Add((source, seq));
            var copies = _random.Next(1, 4);
            for (var copy = 0; copy < copies; copy++)
            {
                var delivered = _random.NextDouble() < 0.04 ? Variant(e) : e with { };
                Schedule(new ScheduledDelivery(delivered, Malformed: false), time + _random.Next(0, maxDelay + 1));
            }
            if (_random.NextDouble() < 0.03)
            {
                Schedule(new ScheduledDelivery(Corrupt(e), Malformed: true), time + _random.Next(0, maxDelay + 1));
            }
        }
    }

    private void Schedule(ScheduledDelivery delivery, long time) => _deliveries.Enqueue(delivery, (time, _random.Next()));

    private void Deliver(ScheduledDelivery delivery, long time)
    {
        _totals.Deliveries++;
        var e = delivery.Event;
        if (delivery.Malformed)
        {
            var ledgerLength = _ledger.Rows.Count;
            try
            {
                _grain.Record(e, crashAfterCommit: false);
            }
            catch (InvalidEventException)
            {
                _totals.Malformed++;
                Require(_ledger.Rows.Count == ledgerLength, $"malformed {e} wrote to the ledger");
                return;
            }
            Fail($"malformed {e} was accepted");
        }

        var key = (e.Source, e.Seq);
        var lostReply = _random.NextDouble() < _lostReplyChance;
        var outcome = _grain.Record(e, lostReply);
        if (_accepted.TryGetValue(key, out var original))
        {
            // OccurredAt is not part of the comparison: a re-stamped retry is the same event.
            var expected = (original.Event with { OccurredAt = e.OccurredAt }).Equals(e) ? SimulatedOutcomeKind.Duplicate : SimulatedOutcomeKind.Conflict;
            Require(outcome == new SimulatedOutcome(expected, original.Position),
                $"{e} should be {expected} of position {original.Position} but was {outcome}");
            if (expected == SimulatedOutcomeKind.Duplicate)
            {
                _totals.Duplicates++;
            }
            else
            {
                _totals.Conflicts++;
            }
            return;
        }

        var position = _accepted.Count + 1L;
        var expectedKind = lostReply ? SimulatedOutcomeKind.Lost : SimulatedOutcomeKind.Appended;
        Require(outcome == new SimulatedOutcome(expectedKind, position), $"new {e} should be {expectedKind} at {position} but was {outcome}");
        _accepted.Add(key, (e, position));
        AddExpectedEffect(e);
        _totals.Appended++;
        if (lostReply)
        {
            // The producer never got an answer, so it sends the same event again later.
            _totals.LostReplies++;
            Schedule(new ScheduledDelivery(e with { }, Malformed: false), time + _random.Next(1, 30));
        }
    }

    private void CheckInvariants()
    {
        var state = _grain.State;
        RequireTotals(_expectedBalance, state.BalanceMinor, "balance");
        RequireTotals(_expectedUsage, state.UsageByMeter, "usage");
        Require(state.EventCount == _ledger.Rows.Count, $"event count {state.EventCount} != ledger length {_ledger.Rows.Count}");
        Require(state.Position == _ledger.Rows.Count, $"position {state.Position} != ledger length {_ledger.Rows.Count}");
        Require(_ledger.Rows.Select(row => (row.Source, row.Seq)).Distinct().Count() == _ledger.Rows.Count, "a (source, seq) appears twice in the ledger");
        foreach (var (source, seq) in _emitted)
        {
            var verdict = state.Dedup.Check(source, seq);
            var onLedger = _accepted.ContainsKey((source, seq));
            Require(onLedger ? verdict != DedupVerdict.New : verdict != DedupVerdict.Seen,
                $"dedup answered {verdict} for ({source}, {seq}), which is {(onLedger ? "" : "not ")}on the ledger");
        }
    }

    private void CheckFinalState()
    {
        // Every emitted event was delivered at least once and lost replies were retried, so every key made it.
        Require(_emitted.SetEquals(_ledger.Rows.Select(row => (row.Source, row.Seq))), "the ledger does not hold exactly the emitted keys");

        // Recount from the ledger alone with the model's arithmetic, and replay it from scratch with the domain's.
        var fromLedger = _ledger.Rows.Select(row => BillingEventCodec.Deserialize(row.Type, row.Payload)).ToList();
        var recounted = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in fromLedger)
        {
            recounted[e.Currency] = recounted.GetValueOrDefault(e.Currency) + ExpectedCharge(e);
        }
        RequireTotals(recounted, _expectedBalance, "recount of the ledger");

        var replayed = new AccountState();
        foreach (var row in _ledger.Rows)
        {
            replayed.Apply(fromLedger[(int)row.Position - 1], row.Position);
        }
        RequireTotals(_expectedBalance, replayed.BalanceMinor, "full replay balance");
        RequireTotals(_expectedUsage, replayed.UsageByMeter, "full replay usage");

        var live = _grain.State.ToSnapshot();
        var restored = AccountState.FromSnapshot(JsonSerializer.Deserialize<AccountSnapshot>(JsonSerializer.Serialize(live))!);
        Require(JsonSerializer.Serialize(restored.ToSnapshot()) == JsonSerializer.Serialize(live), "final snapshot does not round-trip");
    }

    private BillingEvent RandomEvent(string source, long seq, long time)
    {
        var occurredAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, Offsets[_random.Next(Offsets.Length)])
            .AddSeconds(time)
            .AddTicks(_random.Next(10_000_000));
        var currency = Currencies[_random.Next(Currencies.Length)];
        return _random.Next(4) switch
        {
            0 => new UsageRecorded
            {
                Source = source, Seq = seq, OccurredAt = occurredAt, Currency = currency,
                Meter = Meters[_random.Next(Meters.Length)],
                Quantity = _random.Next(1, 1000),
                UnitPriceMinor = _random.Next(3) == 0 ? null : _random.Next(0, 10_000),
            },
            1 => new CreditGranted
            {
                Source = source, Seq = seq, OccurredAt = occurredAt, Currency = currency,
                AmountMinor = _random.Next(1, 100_000),
                Reason = _random.Next(2) == 0 ? null : "goodwill",
            },
            2 => new PaymentReceived
            {
                Source = source, Seq = seq, OccurredAt = occurredAt, Currency = currency,
                AmountMinor = _random.Next(1, 100_000),
                Reference = $"pi_{_random.Next()}",
            },
            _ => new AdjustmentPosted
            {
                Source = source, Seq = seq, OccurredAt = occurredAt, Currency = currency,
                AmountMinor = _random.Next(1, 100_000) * (_random.Next(2) == 0 ? 1L : -1L),
                Reason = _random.Next(2) == 0 ? null : "invoice mismatch",
            },
        };
    }

    // Same key, different payload: a buggy producer reusing a number.
    private static BillingEvent Variant(BillingEvent e) => e switch
    {
        UsageRecorded usage => usage with { Quantity = usage.Quantity + 1 },
        CreditGranted credit => credit with { AmountMinor = credit.AmountMinor + 1 },
        PaymentReceived payment => payment with { Reference = payment.Reference + "-reused" },
        AdjustmentPosted adjustment => adjustment with { Reason = adjustment.Reason + " (edited)" },
        _ => throw new InvalidOperationException($"no variant for {e}"),
    };

    private BillingEvent Corrupt(BillingEvent e) => _random.Next(4) switch
    {
        0 => e with { Currency = e.Currency.ToLowerInvariant() },
        1 => e with { Seq = 0 },
        2 => e with { OccurredAt = default },
        _ => e with { Source = e.Source + " !" },
    };

    // The model's own arithmetic, deliberately not shared with AccountState.
    private static long ExpectedCharge(BillingEvent e) => e switch
    {
        UsageRecorded usage => usage.Quantity * (usage.UnitPriceMinor ?? 0),
        CreditGranted credit => -credit.AmountMinor,
        PaymentReceived payment => -payment.AmountMinor,
        AdjustmentPosted adjustment => adjustment.AmountMinor,
        _ => throw new InvalidOperationException($"no charge for {e}"),
    };

    private void AddExpectedEffect(BillingEvent e)
    {
        _expectedBalance[e.Currency] = _expectedBalance.GetValueOrDefault(e.Currency) + ExpectedCharge(e);
        if (e is UsageRecorded usage)
        {
            _expectedUsage[usage.Meter] = _expectedUsage.GetValueOrDefault(usage.Meter) + usage.Quantity;
        }
    }

    private void RequireTotals(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, string what)
    {
        var same = expected.Count == actual.Count
            && expected.All(pair => actual.TryGetValue(pair.Key, out var value) && value == pair.Value);
        Require(same, $"{what}: expected {Describe(expected)} but was {Describe(actual)}");
    }

    private static string Describe(IReadOnlyDictionary<string, long> totals) =>
        "{" + string.Join(", ", totals.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")) + "}";

    private void Require(bool condition, string what)
    {
        if (!condition)
        {
            Fail(what);
        }
    }

    private void Fail(string what) =>
        throw new XunitException($"seed {_seed}, step {_step}: {what} (rerun with ACTORS_SIM_SEED={_seed})");
}
