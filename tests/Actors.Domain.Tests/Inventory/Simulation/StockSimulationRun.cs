using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Xunit.Sdk;

namespace Actors.Domain.Tests.Inventory.Simulation;

/// <summary>
/// One seeded run: random receipts, adjustments, reservations, confirms, releases, expiry sweeps, dispatches, returns,
/// damage, re-sent and conflicting requests, out-of-order event numbers and crashes (plain, and between append and
/// apply with the reply lost). After every step: the invariants hold and the books match an independent tally.
/// </summary>
internal sealed class StockSimulationRun(int seed, StockSimulationTotals totals)
{
    private const int Steps = 250;
    private static readonly string[] Sources = ["wms", "store-7"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _heldBack = new(StringComparer.Ordinal);
    private readonly List<StockEvent> _acceptedEvents = [];
    private readonly List<ReserveStock> _placed = [];
    private SimulatedStockGrain _grain = null!;
    private DateTimeOffset _now = SampleStock.T0;
    private long _booked;
    private int _step;

    private StockState State => _grain.State;

    public void Run()
    {
        // A tiny dedup bound forces the ledger look-up path for forgotten keys.
        _grain = new SimulatedStockGrain(_random.Next(3) == 0 ? 1 : 1024);
        for (_step = 0; _step < Steps; _step++)
        {
            _now = _now.AddSeconds(_random.Next(0, 90));
            OneStep();
            totals.Steps++;
            CheckInvariants();
        }
    }

    private void OneStep()
    {
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 14: SendNew(Received()); break;
            case < 20: SendNew(Adjustment()); break;
            case < 38: ReserveNew(); break;
            case < 48: Confirm(); break;
            case < 54: Release(); break;
            case < 60: Expire(); break;
            case < 66: ResendEvent(); break;
            case < 70: ConflictingEvent(); break;
            case < 76: ResendReserve(); break;
            case < 79: ConflictingReserve(); break;
            case < 84: Crash(); break;
            case < 87: _grain.SaveSnapshot(); break;
            default: SendNew(Movement()); break;
        }
    }

    private void SendNew(StockEvent e)
    {
        var expectAccepted = StockEventValidation.Problem(e) is null && Fits(e);
        var decision = WithCrashes(() => _grain.Record(e, () => totals.LookUps++), retry => Expect<StockDuplicate>(retry, "re-sent event after a crash"));
        if (!expectAccepted)
        {
            Expect<StockInvalid>(decision, $"event {e} that the stock cannot take");
            return;
        }
        Expect<StockAccepted>(decision, $"new event {e}");
        _acceptedEvents.Add(e);
        _booked += e switch
        {
            StockReceived received => received.Quantity,
            StockAdjusted adjusted => adjusted.Delta,
            _ => 0,
        };
    }

    private void ReserveNew()
    {
        var command = new ReserveStock($"r{_placed.Count + 1}-{_random.Next(1000)}", _random.Next(1, 6), TimeSpan.FromMinutes(_random.Next(1, 10)), _now);
        var available = State.Buckets.Available;
        var decision = WithCrashes(() => _grain.Commit(StockDecider.Decide(State, command)), retry => Expect<StockDuplicate>(retry, "re-sent reserve after a crash"));
        if (available < command.Quantity)
        {
            Assert.Equal(new StockInsufficient(command.Quantity, State.ToSnapshot()), decision);
            totals.Insufficient++;
            return;
        }
        Expect<StockAccepted>(decision, $"reserve {command} with {available} available");
        _placed.Add(command);
    }

    private void Confirm()
    {
        var id = PickReservationId();
        var before = State.Reservations.GetValueOrDefault(id);
        var decision = WithCrashes(() => _grain.Commit(StockDecider.Decide(State, new ConfirmReservation(id, _now))), retry => Expect<StockDuplicate>(retry, "re-sent confirm after a crash"));
        switch (before?.Status)
        {
            case ReservationStatus.Reserved when _now < before.ExpiresAt:
                Expect<StockAccepted>(decision, $"confirm of held {before}");
                totals.Confirmed++;
                break;
            case ReservationStatus.Confirmed or ReservationStatus.Shipped:
                Expect<StockDuplicate>(decision, $"confirm of {before}");
                break;
            case null:
                Expect<StockUnknownReservation>(decision, $"confirm of never placed {id}");
                break;
            default:
                Expect<StockInvalid>(decision, $"confirm of {before}");
                break;
        }
    }

    private void Release()
    {
        var id = PickReservationId();
        var before = State.Reservations.GetValueOrDefault(id);
        var decision = WithCrashes(() => _grain.Commit(StockDecider.Decide(State, new ReleaseReservation(id, _now))), retry => Expect<StockDuplicate>(retry, "re-sent release after a crash"));
        switch (before?.Status)
        {
            case ReservationStatus.Reserved:
                Expect<StockAccepted>(decision, $"release of held {before}");
                totals.Released++;
                break;
            case ReservationStatus.Released or ReservationStatus.Expired:
                Expect<StockDuplicate>(decision, $"release of {before}");
                break;
            case null:
                Expect<StockUnknownReservation>(decision, $"release of never placed {id}");
                break;
            default:
                Expect<StockInvalid>(decision, $"release of {before}");
                break;
        }
    }

    private void Expire()
    {
        var overdue = State.Reservations.Values.Where(r => r.Status == ReservationStatus.Reserved && r.ExpiresAt <= _now).ToList();
        var available = State.Buckets.Available;
        var decision = WithCrashes(
            () => _grain.Commit(StockDecider.Decide(State, new ExpireReservations(_now))),
            retry => Assert.Empty(Expect<StockAccepted>(retry, "expiry sweep re-run after a crash").Transitions));
        Assert.Equal(overdue.Count, Expect<StockAccepted>(decision, "expiry sweep").Transitions.Count);
        Assert.Equal(available + overdue.Sum(r => r.Quantity), State.Buckets.Available);
        Assert.DoesNotContain(State.Reservations.Values, r => r.Status == ReservationStatus.Reserved && r.ExpiresAt <= _now);
        totals.Expired += overdue.Count;
    }

    private void ResendEvent()
    {
        if (_acceptedEvents.Count == 0)
        {
            return;
        }
        var original = _acceptedEvents[_random.Next(_acceptedEvents.Count)];
        // Retries often restamp the time; that does not make them a different event.
        var retry = _random.Next(2) == 0 ? original : original with { OccurredAt = _now };
        Unchanged(() => Expect<StockDuplicate>(_grain.Record(retry, () => totals.LookUps++), $"re-sent {original}"));
    }

    private void ConflictingEvent()
    {
        if (_acceptedEvents.Count == 0)
        {
            return;
        }
        var original = _acceptedEvents[_random.Next(_acceptedEvents.Count)];
        var other = new StockReceived
        {
            Source = original.Source,
            Seq = original.Seq,
            OccurredAt = _now,
            Quantity = original is StockReceived received ? received.Quantity + 1 : 1,
        };
        Unchanged(() => Expect<StockConflict>(_grain.Record(other, () => totals.LookUps++), $"{other} reusing the key of {original}"));
    }

    private void ResendReserve()
    {
        if (_placed.Count == 0)
        {
            return;
        }
        var original = _placed[_random.Next(_placed.Count)];
        var retry = original with { Ttl = TimeSpan.FromMinutes(_random.Next(1, 10)), Now = _now };
        var duplicate = Unchanged(() => Expect<StockDuplicate>(_grain.Commit(StockDecider.Decide(State, retry)), $"re-sent {original}"));
        Assert.Equal(original.Quantity, duplicate.Reservation!.Quantity);
        Assert.Equal(original.Now + original.Ttl, duplicate.Reservation.ExpiresAt);
    }

    private void ConflictingReserve()
    {
        if (_placed.Count == 0)
        {
            return;
        }
        var original = _placed[_random.Next(_placed.Count)];
        var other = original with { Quantity = original.Quantity + 1, Now = _now };
        Unchanged(() => Expect<StockConflict>(_grain.Commit(StockDecider.Decide(State, other)), $"{other} reusing the id of {original}"));
    }

    private void Crash()
    {
        var fromSnapshot = _grain.HasSnapshot && _random.Next(2) == 0;
        _grain.Crash(fromSnapshot);
        totals.Crashes++;
        totals.SnapshotRestores += fromSnapshot ? 1 : 0;
    }

    // Sometimes the grain dies between appending and applying, and the caller, who never got the reply, retries.
    private StockDecision WithCrashes(Func<StockDecision> send, Action<StockDecision> checkRetry)
    {
        var crash = _random.Next(20) == 0;
        _grain.CrashAfterNextAppend = crash;
        var decision = send();
        if (!crash || decision is not StockAccepted)
        {
            _grain.CrashAfterNextAppend = false;
            return decision;
        }
        totals.CrashesAfterAppend++;
        Unchanged(() =>
        {
            var retry = send();
            checkRetry(retry);
            return retry;
        });
        return decision;
    }

    private StockReceived Received()
    {
        var source = PickSource();
        return new() { Source = source, Seq = NextSeq(source), OccurredAt = _now, Quantity = _random.Next(1, 7) };
    }

    private StockAdjusted Adjustment()
    {
        var source = PickSource();
        var delta = _random.Next(-4, 4);
        return new() { Source = source, Seq = NextSeq(source), OccurredAt = _now, Delta = delta == 0 ? 1 : delta, Reason = "count" };
    }

    private StockEvent Movement()
    {
        var source = PickSource();
        var seq = NextSeq(source);
        var quantity = _random.Next(1, 4);
        switch (_random.Next(4))
        {
            case 0:
                var confirmed = State.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
                return confirmed.Count > 0
                    ? new ShipmentDispatched { Source = source, Seq = seq, OccurredAt = _now, ReservationId = confirmed[_random.Next(confirmed.Count)].Id }
                    : new ShipmentDispatched { Source = source, Seq = seq, OccurredAt = _now, Quantity = quantity };
            case 1:
                return new ShipmentDispatched { Source = source, Seq = seq, OccurredAt = _now, Quantity = quantity };
            case 2:
                return new ReturnReceived { Source = source, Seq = seq, OccurredAt = _now, Quantity = quantity, Damaged = _random.Next(3) == 0 };
            default:
                var from = (StockBucket)_random.Next(5);
                return new DamageRecorded { Source = source, Seq = seq, OccurredAt = _now, Quantity = quantity, FromBucket = from };
        }
    }

    // Whether the buckets can take e, judged from the event's meaning rather than by asking the decider.
    private bool Fits(StockEvent e)
    {
        var b = State.Buckets;
        return e switch
        {
            StockReceived => true,
            StockAdjusted adjusted => b.Available + adjusted.Delta >= 0,
            ShipmentDispatched { ReservationId: { } id } => State.Reservations[id].Quantity <= b.Committed,
            ShipmentDispatched dispatched => dispatched.Quantity <= b.Committed,
            ReturnReceived returned => returned.Quantity <= b.Shipped,
            DamageRecorded { FromBucket: StockBucket.Available } damaged => damaged.Quantity <= b.Available,
            DamageRecorded { FromBucket: StockBucket.Committed } damaged => damaged.Quantity <= b.Committed,
            DamageRecorded { FromBucket: StockBucket.Shipped } damaged => damaged.Quantity <= b.Shipped,
            _ => false,
        };
    }

    private string PickSource() => Sources[_random.Next(Sources.Length)];

    // Producers skip numbers and deliver late: some numbers are held back and sent after later ones.
    private long NextSeq(string source)
    {
        var held = _heldBack.TryGetValue(source, out var list) ? list : _heldBack[source] = [];
        if (held.Count > 0 && _random.Next(3) == 0)
        {
            var index = _random.Next(held.Count);
            var late = held[index];
            held.RemoveAt(index);
            totals.OutOfOrder++;
            return late;
        }
        var next = _lastSeq.GetValueOrDefault(source) + 1;
        if (_random.Next(6) == 0)
        {
            held.Add(next);
            next++;
        }
        _lastSeq[source] = next;
        return next;
    }

    private string PickReservationId() =>
        _placed.Count == 0 || _random.Next(20) == 0 ? "never-placed" : _placed[_random.Next(_placed.Count)].ReservationId;

    private T Unchanged<T>(Func<T> act)
    {
        var before = SimulatedStockGrain.Fingerprint(State);
        var ledger = _grain.LedgerLength;
        var result = act();
        Assert.Equal(ledger, _grain.LedgerLength);
        Assert.Equal(before, SimulatedStockGrain.Fingerprint(State));
        return result;
    }

    private T Expect<T>(StockDecision decision, string what) where T : StockDecision
    {
        switch (decision)
        {
            case StockAccepted: totals.Accepted++; break;
            case StockDuplicate: totals.Duplicates++; break;
            case StockConflict: totals.Conflicts++; break;
            case StockInvalid: totals.Invalid++; break;
        }
        return decision as T
            ?? throw new XunitException($"step {_step}: {what} was expected to be {typeof(T).Name} but was {decision}");
    }

    private void CheckInvariants()
    {
        var broken = StockInvariant.Check(State);
        if (broken.Count > 0)
        {
            throw new XunitException($"step {_step}: {string.Join(" ", broken)}");
        }
        if (State.Buckets.Total != _booked)
        {
            throw new XunitException($"step {_step}: the buckets hold {State.Buckets.Total} units but the accepted receipts and adjustments add up to {_booked}.");
        }
        if (State.Version != _grain.LedgerLength)
        {
            throw new XunitException($"step {_step}: version {State.Version} but the ledger has {_grain.LedgerLength} rows.");
        }
    }
}
