using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;
using Actors.Domain;
using Actors.Domain.Security;
using Actors.Grains.Telemetry;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Security;

/// <summary>
/// A thin shell over <see cref="CaseDecider"/> for one security case: replay the case's ledger on activation, decide, append
/// each change through the silo's group-commit writer, then apply. The append is the commit point, so an acknowledged
/// transition survives any crash and a refused one wrote nothing. A snapshot every few rows (a noisy principal's case can
/// collect many alerts) bounds what activation replays.
/// </summary>
public sealed class SecurityCaseGrain(
    [PersistentState("security-case", ActorsGrainOptions.StorageName)] IPersistentState<SecurityCaseGrainState> snapshot,
    ILedgerWriter writer,
    ILedgerStore store,
    TimeProvider time,
    IOptions<ActorsGrainOptions> options,
    ILogger<SecurityCaseGrain> logger) : Grain, ISecurityCaseGrain
{
    private CaseState _state = new();
    private string _tenant = "";
    private string _caseId = "";
    private string _ledger = "";
    private long _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _caseId) = EntityKey.Parse(this.GetPrimaryKeyString());
        _ledger = LedgerNames.SecurityCase(_tenant, _caseId);
        var json = snapshot.State.SnapshotJson;
        _state = json is null ? new CaseState() : CaseState.FromSnapshot(JsonSerializer.Deserialize<CaseStateSnapshot>(json)!);
        _snapshotVersion = _state.Version;
        var replayed = await LedgerTail.ReplayAsync(store, _ledger, _state.Version, options.Value.ReplayPageSize,
            row => CaseDecider.Apply(_state, SecurityLedgerCodec.ReadCaseChange(row.Payload)), cancellationToken);
        GrainInstruments.ActivationReplay.Record(replayed);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state.Version > _snapshotVersion && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await TrySnapshotAsync();
        }
    }

    public Task<SecurityCase?> Get() => Task.FromResult(_state.ToCase());

    public Task<SecurityCase> Transition(CaseTransition transition) =>
        SettleAsync(CaseDecider.Decide(_state, transition, time.GetUtcNow()));

    public Task<SecurityCase> ApplyAlert(AlertRaised alert) =>
        SettleAsync(CaseDecider.Decide(_state, _tenant, _caseId, alert, time.GetUtcNow()));

    public Task<SecurityCase> ApplyIdentity(IdentityEvent identityEvent) =>
        SettleAsync(CaseDecider.Decide(_state, identityEvent, time.GetUtcNow()));

    private async Task<SecurityCase> SettleAsync(SecurityDecision<CaseChange> decision)
    {
        var request = decision.Change;
        if (decision.Verdict == SecurityVerdict.LookUp)
        {
            // Memory has seen the key, or cannot tell (beyond the dedup bound): the ledger's row settles it.
            var row = await store.FindAsync(_ledger, decision.Change!.LedgerSource, decision.Change.LedgerSeq, CancellationToken.None);
            decision = CaseDecider.DecideWithOriginal(_state, decision.Change, row is null ? null : SecurityLedgerCodec.ReadCaseChange(row.Payload));
        }
        switch (decision.Verdict)
        {
            case SecurityVerdict.Append:
                await AppendAsync(decision.Change!);
                return _state.ToCase()!;
            case SecurityVerdict.Duplicate:
                GrainInstruments.Duplicates.Add(1, new KeyValuePair<string, object?>("kind", "case"));
                return _state.ToCase()!;
            default:
                throw Refusal(decision, request);
        }
    }

    private async Task AppendAsync(CaseChange change)
    {
        var row = new LedgerAppend(
            _ledger, _tenant, _state.Version + 1, change.LedgerSource, change.LedgerSeq, change.Type, change.At, SecurityLedgerCodec.Serialize(change));
        var result = await LedgerHead.AppendAsync(writer, row, StaleActivation);
        if (result.Status == AppendStatus.Duplicate)
        {
            // Memory said new, yet the database's unique key had the row: the last guard held. Same request -> answer it.
            var original = SecurityLedgerCodec.ReadCaseChange(result.Entry!.Payload);
            if (!change.SameRequest(original))
            {
                throw Refusal(SecurityDecision<CaseChange>.Refused(SecurityVerdict.Conflict), change);
            }
            StaleActivation();
            return;
        }
        var before = _state.ToCase();
        CaseDecider.Apply(_state, change);
        GrainInstruments.EventsRecorded.Add(1, new KeyValuePair<string, object?>("kind", "case"), new KeyValuePair<string, object?>("type", change.Type));
        SecurityInstruments.CaseChanged(before, _state.ToCase()!);
        if (_state.Version - _snapshotVersion >= options.Value.SnapshotEvery)
        {
            await TrySnapshotAsync();
        }
    }

    private async Task TrySnapshotAsync()
    {
        if (await EntitySnapshot.TryWriteAsync(snapshot, JsonSerializer.Serialize(_state.ToSnapshot()), logger, _ledger, _state.Version))
        {
            _snapshotVersion = _state.Version;
        }
    }

    private Exception Refusal(SecurityDecision<CaseChange> decision, CaseChange? request)
    {
        var key = this.GetPrimaryKeyString();
        return decision.Verdict switch
        {
            SecurityVerdict.Invalid => new InvalidEventException($"case {key}: {decision.Problem}"),
            SecurityVerdict.InvalidTransition => new InvalidTransitionException($"case {key}: {decision.Problem}"),
            SecurityVerdict.NotFound => new NotFoundException($"security case '{key}' does not exist."),
            SecurityVerdict.Conflict => Conflict(key, request),
            _ => new InvalidOperationException($"unexpected security decision {decision.Verdict}"),
        };
    }

    private static ConflictException Conflict(string key, CaseChange? change)
    {
        GrainInstruments.Conflicts.Add(1, new KeyValuePair<string, object?>("kind", "case"));
        var source = change?.Alert?.Source ?? change?.Transition?.Source ?? change?.Identity?.Source ?? "";
        return new ConflictException(key, source, change?.LedgerSeq ?? 0);
    }

    private void StaleActivation()
    {
        logger.LogWarning("{Ledger}: the ledger moved under this activation; deactivating so the next one replays it.", _ledger);
        DeactivateOnIdle();
    }
}
