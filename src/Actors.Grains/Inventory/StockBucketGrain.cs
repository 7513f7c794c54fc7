using System.Text.Json;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Domain;
using Actors.Domain.Inventory;
using Actors.Grains.Telemetry;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Inventory;

/// <summary>
/// A thin shell over <see cref="StockDecider"/> for one SKU-location: load (snapshot + ledger tail), decide, append each
/// transition through the silo's group-commit writer, then apply. The ledger append is the commit point, so a reservation
/// acknowledged to a caller survives any crash, and a refused one wrote nothing.
/// </summary>
/// <remarks>
/// Expiry is a ledger transition too: a sweep on activation and a timer while reservations are open append
/// <see cref="ReservationExpired"/> rows, so units held by a crashed checkout return to available durably; a restart
/// re-runs the sweep against the replayed state and finds only what is still overdue. Reserve sweeps first as well, so
/// a reservation is never refused for units whose hold has already lapsed.
/// </remarks>
public sealed class StockBucketGrain(
    [PersistentState("stock", ActorsGrainOptions.StorageName)] IPersistentState<StockBucketGrainState> snapshot,
    ILedgerWriter writer,
    ILedgerStore store,
    TimeProvider time,
    IOptions<ActorsGrainOptions> options,
    ILogger<StockBucketGrain> logger) : Grain, IStockBucketGrain
{
    /// <summary>How often open reservations are checked for expiry; the latest an expired hold lingers while active.</summary>
    private static readonly TimeSpan ExpiryCheckPeriod = TimeSpan.FromSeconds(1);

    private StockState _state = new();
    private string _tenant = "";
    private string _ledger = "";
    private int _shard;
    private long _snapshotVersion;
    private IGrainTimer? _expiryTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, var sku, var location, _shard) = StockKey.ParseShard(this.GetPrimaryKeyString());
        _ledger = LedgerNames.StockShard(_tenant, sku, location, _shard);
        await LoadAsync(cancellationToken);
        await ExpireOverdueAsync();
        ScheduleExpiryChecks();
        if (_state.OutboundTransfers.Values.Any(t => !t.Completed))
        {
            // Units this shard sent are still in transit: the move that sent them was cut short (a crash). Wake the
            // rebalancer, which finishes open transfers first; one-way, so this activation does not wait on it.
            await GrainFactory.GetGrain<IStockRebalancerGrain>(StockKey.Format(_tenant, sku, location)).Level();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state.Version > _snapshotVersion && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await TrySnapshotAsync();
        }
    }

    public async Task<StockRecordOutcome> Record(StockEvent stockEvent)
    {
        var decision = StockDecider.Decide(_state, stockEvent);
        if (decision is StockLookUp lookUp)
        {
            // Memory has seen the key, or cannot tell (beyond the dedup bound): the ledger's row settles it.
            var original = await store.FindAsync(_ledger, lookUp.Source, lookUp.Seq, CancellationToken.None);
            decision = StockDecider.DecideWithOriginal(_state, stockEvent, original is null ? null : Transition(original));
        }
        switch (decision)
        {
            case StockAccepted accepted:
                var duplicate = false;
                foreach (var transition in accepted.Transitions)
                {
                    duplicate |= await AppendAsync(transition) is { } original
                        && IsDuplicateOf(stockEvent, original);
                }
                return new StockRecordOutcome(stockEvent.Source, stockEvent.Seq, duplicate, _state.ToSnapshot());
            case StockDuplicate:
                return new StockRecordOutcome(stockEvent.Source, stockEvent.Seq, true, _state.ToSnapshot());
            default:
                throw Refusal(decision, stockEvent.Source, stockEvent.Seq);
        }
    }

    public async Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl)
    {
        await ExpireOverdueAsync();
        var decision = StockDecider.Decide(_state, new ReserveStock(reservationId, quantity, ttl, time.GetUtcNow()));
        var outcome = await SettleReservationAsync(decision, reservationId);
        ScheduleExpiryChecks();
        return outcome;
    }

    public async Task<ReservationOutcome> Confirm(string reservationId) =>
        await SettleReservationAsync(StockDecider.Decide(_state, new ConfirmReservation(reservationId, time.GetUtcNow())), reservationId);

    public async Task<ReservationOutcome> Release(string reservationId) =>
        await SettleReservationAsync(StockDecider.Decide(_state, new ReleaseReservation(reservationId, time.GetUtcNow())), reservationId);

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(_state.ToSnapshot());

    public async Task<StockTransfer> SendTransfer(string transferId, int toShard, StockBucket bucket, long quantity)
    {
        if (toShard == _shard)
        {
            throw new InvalidEventException($"{this.GetPrimaryKeyString()}: a shard cannot send a transfer to itself.");
        }
        await ExpireOverdueAsync();
        var decision = StockDecider.Decide(_state, new SendTransfer(transferId, toShard, bucket, quantity, time.GetUtcNow()));
        await SettleTransferAsync(decision, transferId);
        return Describe(_state.OutboundTransfers[transferId]);
    }

    public async Task<StockSnapshot> ReceiveTransfer(StockTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (transfer.ToShard != _shard)
        {
            throw new InvalidEventException($"{this.GetPrimaryKeyString()}: transfer '{transfer.TransferId}' is bound for shard {transfer.ToShard}, not {_shard}.");
        }
        var decision = StockDecider.Decide(_state, new ReceiveTransfer(transfer.TransferId, transfer.FromShard, transfer.Bucket, transfer.Quantity, time.GetUtcNow()));
        await SettleTransferAsync(decision, transfer.TransferId);
        return _state.ToSnapshot();
    }

    public async Task<StockSnapshot> CompleteTransfer(string transferId)
    {
        await SettleTransferAsync(StockDecider.Decide(_state, new CompleteTransfer(transferId, time.GetUtcNow())), transferId);
        return _state.ToSnapshot();
    }

    public Task<IReadOnlyList<StockTransfer>> GetOpenTransfers() =>
        Task.FromResult<IReadOnlyList<StockTransfer>>(
            [.. _state.OutboundTransfers.Values.Where(t => !t.Completed).OrderBy(t => t.SentAt).Select(Describe)]);

    private StockTransfer Describe(OutboundTransfer t) => new(t.TransferId, _shard, t.ToShard, t.Bucket, t.Quantity, t.SentAt);

    private async Task SettleTransferAsync(StockDecision decision, string transferId)
    {
        switch (decision)
        {
            case StockAccepted accepted:
                foreach (var transition in accepted.Transitions)
                {
                    if (await AppendAsync(transition) is not null)
                    {
                        StaleActivation();
                        throw new InvalidOperationException($"{_ledger}: {transition.LedgerSource} was already on the ledger; this activation is stale and will be replaced.");
                    }
                }
                return;
            case StockDuplicate:
                return;
            default:
                throw Refusal(decision, TransferKeys.Source(transferId ?? ""), TransferKeys.FirstSeq);
        }
    }

    private async Task<ReservationOutcome> SettleReservationAsync(StockDecision decision, string reservationId)
    {
        switch (decision)
        {
            case StockAccepted accepted:
                foreach (var transition in accepted.Transitions)
                {
                    if (await AppendAsync(transition) is not null)
                    {
                        // Memory never saw this reservation row, yet the ledger has it: another activation wrote it.
                        StaleActivation();
                        throw new InvalidOperationException($"{_ledger}: {transition.LedgerSource} was already on the ledger; this activation is stale and will be replaced.");
                    }
                }
                return Outcome(_state.Reservations[reservationId], duplicate: false);
            case StockDuplicate { Reservation: { } reservation }:
                return Outcome(reservation, duplicate: true);
            default:
                throw Refusal(decision, ReservationKeys.Source(reservationId ?? ""), ReservationKeys.PlacedSeq);
        }
    }

    private ReservationOutcome Outcome(Reservation reservation, bool duplicate) =>
        new(reservation.Id, reservation.Status, reservation.Quantity, reservation.ExpiresAt, duplicate, _state.ToSnapshot());

    private Exception Refusal(StockDecision decision, string source, long seq) => decision switch
    {
        StockInvalid invalid => new InvalidEventException($"{this.GetPrimaryKeyString()}: {invalid.Reason}"),
        StockConflict => new ConflictException(this.GetPrimaryKeyString(), source, seq),
        StockUnknownReservation unknown => new NotFoundException($"{this.GetPrimaryKeyString()}: reservation '{unknown.ReservationId}' does not exist."),
        StockInsufficient insufficient => new InsufficientStockException(this.GetPrimaryKeyString(), insufficient.Requested, insufficient.Current),
        _ => new InvalidOperationException($"unexpected stock decision {decision}"),
    };

    /// <summary>
    /// Appends <paramref name="transition"/> at the next position and applies it. Returns null when it was appended, or
    /// the ledger's original row when the ledger's unique key already held the transition's key (nothing applied).
    /// </summary>
    private async Task<LedgerEntry?> AppendAsync(StockTransition transition)
    {
        var row = new LedgerAppend(
            _ledger, _tenant, _state.Version + 1, transition.LedgerSource, transition.LedgerSeq,
            StockTransitionCodec.TypeOf(transition), transition.At, StockTransitionCodec.Serialize(transition));
        var result = await LedgerHead.AppendAsync(writer, row, StaleActivation);
        if (result.Status == AppendStatus.Duplicate)
        {
            return result.Entry!;
        }
        StockDecider.Apply(_state, transition);
        // Settled reservations stay in the state to answer retries, so a snapshot grows with them; spacing snapshots by
        // the state's size keeps their cost per transition constant (and replay after one at most half the state).
        if (_state.Version - _snapshotVersion >= Math.Max(options.Value.SnapshotEvery, _state.Reservations.Count / 2))
        {
            await TrySnapshotAsync();
        }
        return null;
    }

    // Memory said "new" (or could not tell) but the database's unique key had the event: the last guard held.
    private bool IsDuplicateOf(StockEvent stockEvent, LedgerEntry original) =>
        StockDecider.DecideWithOriginal(_state, stockEvent, Transition(original)) switch
        {
            StockDuplicate => true,
            var other => throw Refusal(other, stockEvent.Source, stockEvent.Seq),
        };

    private async Task ExpireOverdueAsync()
    {
        var sweep = StockDecider.Decide(_state, new ExpireReservations(time.GetUtcNow()));
        foreach (var transition in sweep.Transitions)
        {
            if (await AppendAsync(transition) is not null)
            {
                StaleActivation();
                throw new InvalidOperationException($"{_ledger}: {transition.LedgerSource} was settled by another activation; this one is stale and will be replaced.");
            }
            InventoryInstruments.ReservationsExpired(1);
        }
    }

    private void ScheduleExpiryChecks()
    {
        var open = _state.HeldCount > 0;
        if (open && _expiryTimer is null)
        {
            // Not reentrant (the default): the sweep runs as its own turn, between calls, never inside one.
            _expiryTimer = this.RegisterGrainTimer(OnExpiryCheckAsync, ExpiryCheckPeriod, ExpiryCheckPeriod);
        }
        else if (!open && _expiryTimer is not null)
        {
            _expiryTimer.Dispose();
            _expiryTimer = null;
        }
    }

    private async Task OnExpiryCheckAsync(CancellationToken cancellationToken)
    {
        await ExpireOverdueAsync();
        ScheduleExpiryChecks();
    }

    private void StaleActivation()
    {
        logger.LogWarning("{Ledger}: the ledger moved under this activation; deactivating so the next one replays it.", _ledger);
        DeactivateOnIdle();
    }

    private static StockTransition Transition(LedgerEntry row) => StockTransitionCodec.Deserialize(row.Type, row.Payload);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = snapshot.State.SnapshotJson;
        _state = json is null ? new StockState() : StockState.FromStateSnapshot(JsonSerializer.Deserialize<StockStateSnapshot>(json)!);
        _snapshotVersion = _state.Version;
        await LedgerTail.ReplayAsync(store, _ledger, _state.Version, options.Value.ReplayPageSize,
            row => StockDecider.Apply(_state, Transition(row)), cancellationToken);
    }

    private async Task TrySnapshotAsync()
    {
        if (await EntitySnapshot.TryWriteAsync(snapshot, JsonSerializer.Serialize(_state.ToStateSnapshot()), logger, _ledger, _state.Version))
        {
            _snapshotVersion = _state.Version;
        }
    }
}
