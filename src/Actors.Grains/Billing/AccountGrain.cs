using System.Diagnostics;
using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain;
using Actors.Domain.Billing;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Actors.Grains.Events;
using Actors.Grains.Telemetry;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Grains.Billing;

/// <summary>
/// A thin shell over <see cref="AccountDecider"/>: load (snapshot + ledger tail), decide, append through the silo's
/// group-commit writer, then apply. The ledger append is the commit point: the state changes only after it.
/// Events arrive by direct calls and from both lanes (usage on bulk; payments, credits, adjustments on critical); all
/// take the same path, so the lanes' at-least-once delivery is absorbed by the same dedup.
/// </summary>
/// <remarks>
/// Isolation: the grain is not reentrant, so lane deliveries queue in its mailbox with direct calls. Each lane message
/// holds exactly one envelope and a pulling agent delivers one message per stream at a time, so a critical event for this
/// account waits for at most ONE bulk event in progress (one group commit, a few ms), never for the bulk backlog: the
/// backlog waits in the bulk lane's own queues, which the critical lane's agents never read. Separate consumer grains
/// per lane would not help: both lanes' events must be ordered into the one ledger this grain owns.
/// </remarks>
[ImplicitStreamSubscription(EventRoutingTable.Account)]
public sealed class AccountGrain(
    [PersistentState("account", ActorsGrainOptions.StorageName)] IPersistentState<AccountGrainState> snapshot,
    ILedgerWriter writer,
    ILedgerStore store,
    TimeProvider time,
    IOptions<ActorsGrainOptions> options,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IStreamSubscriptionObserver
{
    private static readonly KeyValuePair<string, object?> EntityTag = new("entity", "account");

    private AccountState _state = new();
    private string _tenant = "";
    private string _account = "";
    private string _ledger = "";
    private long _snapshotPosition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _account) = EntityKey.Parse(this.GetPrimaryKeyString());
        _ledger = LedgerNames.Account(_tenant, _account);
        await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// Orleans calls this when a lane first delivers to this activation (implicit subscription); the provider name is the
    /// lane, so the handler knows which lane's DLQ a permanent failure belongs to.
    /// </summary>
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var lane = handleFactory.ProviderName;
        await handleFactory.Create<EventEnvelope>().ResumeAsync((envelope, _) => OnLaneEventAsync(lane, envelope));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state.Position > _snapshotPosition && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await TrySnapshotAsync();
        }
    }

    public Task<RecordOutcome> Record(BillingEvent billingEvent) => RecordCoreAsync(billingEvent);

    private Task OnLaneEventAsync(string lane, EventEnvelope envelope) =>
        LaneDelivery.ApplyAsync(ServiceProvider, time, lane, envelope, () => RecordCoreAsync(BillingEnvelopeCodec.FromEnvelope(envelope)));

    private async Task<RecordOutcome> RecordCoreAsync(BillingEvent billingEvent)
    {
        var started = Stopwatch.GetTimestamp();
        RecordOutcome outcome;
        switch (AccountDecider.Decide(_state, billingEvent))
        {
            case AppendDecision append:
                outcome = await AppendAsync(billingEvent, append);
                break;
            case LookUpDecision:
                // Memory has seen the key, or cannot tell (beyond the dedup bound): the ledger's row settles it.
                var original = await store.FindAsync(_ledger, billingEvent.Source, billingEvent.Seq, CancellationToken.None);
                outcome = original is null
                    ? await AppendAsync(billingEvent, AccountDecider.DecideAbsent(_state, billingEvent))
                    : AnswerDuplicate(billingEvent, original);
                break;
            case var other:
                throw new InvalidOperationException($"unexpected billing decision {other}");
        }
        GrainInstruments.RecordDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, EntityTag);
        return outcome;
    }

    public Task<AccountBalance> GetBalance() => Task.FromResult(_state.ToBalance(_tenant, _account));

    public async Task<List<LedgerRecord>> GetLedger(long fromPosition, int max)
    {
        if (fromPosition < 1 || max < 1 || max > 10_000)
        {
            throw new InvalidEventException("fromPosition must be ≥ 1 and max between 1 and 10000.");
        }
        var rows = await store.ReadLedgerAsync(_ledger, fromPosition, max, CancellationToken.None);
        return rows.Select(r => new LedgerRecord(r.GlobalPosition, r.Position, r.Source, r.Seq, r.Type, r.OccurredAt, r.RecordedAt, r.Payload)).ToList();
    }

    private async Task<RecordOutcome> AppendAsync(BillingEvent billingEvent, AppendDecision append)
    {
        var row = new LedgerAppend(_ledger, _tenant, append.Position, append.Source, append.Seq, append.Type, append.OccurredAt, append.Payload);
        var result = await LedgerHead.AppendAsync(writer, row, DeactivateOnIdle);

        if (result.Status == AppendStatus.Duplicate)
        {
            // Memory said "new" (or could not tell) but the database's unique key had it: the last guard held.
            return AnswerDuplicate(billingEvent, result.Entry!);
        }

        var entry = result.Entry!;
        _state.Apply(billingEvent, entry.Position);
        GrainInstruments.EventsRecorded.Add(1, EntityTag, new("type", billingEvent.Type));
        if (_state.Position - _snapshotPosition >= options.Value.SnapshotEvery)
        {
            await TrySnapshotAsync();
        }
        return Outcome(billingEvent, entry, duplicate: false);
    }

    private RecordOutcome AnswerDuplicate(BillingEvent billingEvent, LedgerEntry original)
    {
        if (AccountDecider.CheckDuplicate(original.Type, original.Payload, billingEvent) == DuplicateVerdict.Conflict)
        {
            GrainInstruments.Conflicts.Add(1, EntityTag);
            throw new ConflictException(this.GetPrimaryKeyString(), billingEvent.Source, billingEvent.Seq);
        }
        GrainInstruments.Duplicates.Add(1, EntityTag);
        return Outcome(billingEvent, original, duplicate: true);
    }

    private RecordOutcome Outcome(BillingEvent billingEvent, LedgerEntry entry, bool duplicate) =>
        new(_tenant, _account, billingEvent.Source, billingEvent.Seq, duplicate, entry.Position, entry.GlobalPosition, entry.RecordedAt);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = snapshot.State.SnapshotJson;
        _state = json is null ? new AccountState() : AccountState.FromSnapshot(JsonSerializer.Deserialize<AccountSnapshot>(json)!);
        _snapshotPosition = _state.Position;

        long replayed = 0;
        while (true)
        {
            var page = await store.ReadLedgerAsync(_ledger, _state.Position + 1, options.Value.ReplayPageSize, cancellationToken);
            foreach (var row in page)
            {
                _state.Apply(BillingEventCodec.Deserialize(row.Type, row.Payload), row.Position);
            }
            replayed += page.Count;
            if (page.Count < options.Value.ReplayPageSize)
            {
                break;
            }
        }
        GrainInstruments.ActivationReplay.Record(replayed, EntityTag);
    }

    private async Task TrySnapshotAsync()
    {
        if (await EntitySnapshot.TryWriteAsync(snapshot, JsonSerializer.Serialize(_state.ToSnapshot()), logger, _ledger, _state.Position))
        {
            _snapshotPosition = _state.Position;
        }
    }
}
