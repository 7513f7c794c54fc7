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
/// A thin shell over <see cref="IntakeDecider"/> for one tenant: decide, append the alert or identity event (with the case
/// it goes to) to the intake ledger, apply, then forward it to the case. The intake row is the commit point; if the silo
/// dies before the case applied it, the row is still pending after replay and is re-driven on activation and before every
/// call. The case absorbs a re-driven row as a duplicate, so forwarding is at-least-once with exactly-once effect.
/// </summary>
public sealed class SecurityIntakeGrain(
    [PersistentState("security-intake", ActorsGrainOptions.StorageName)] IPersistentState<SecurityIntakeGrainState> snapshot,
    ILedgerWriter writer,
    ILedgerStore store,
    TimeProvider time,
    IOptions<ActorsGrainOptions> options,
    ILogger<SecurityIntakeGrain> logger) : Grain, ISecurityIntakeGrain
{
    /// <summary>The most cases one list call answers.</summary>
    public const int MaxListed = 1000;

    private IntakeState _state = new();
    private string _tenant = "";
    private string _ledger = "";
    private long _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = this.GetPrimaryKeyString();
        EntityKey.Validate("tenant", _tenant);
        _ledger = LedgerNames.SecurityIntake(_tenant);
        await LoadAsync(cancellationToken);
        try
        {
            await RedriveAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows stay pending and the next call re-drives them; failing activation would refuse every call meanwhile.
            logger.LogWarning(ex, "{Ledger}: re-driving {Count} pending rows to their cases failed; the next call retries.", _ledger, _state.Pending.Count);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state.Version > _snapshotVersion && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await TrySnapshotAsync();
        }
    }

    public async Task<AlertOutcome> RaiseAlert(AlertRaised alert)
    {
        if (SecurityValidation.Problem(alert) is { } problem)
        {
            throw new InvalidEventException($"security intake {_tenant}: {problem}");
        }
        await RedriveAsync();
        var active = await ActiveAsync(IntakeDecider.Candidates(_state, alert));
        var (entry, duplicate) = await SettleAsync(IntakeDecider.Decide(_state, alert, active, time.GetUtcNow()));
        var current = await Case(entry.CaseId!).Get()
            ?? throw new InvalidOperationException($"security case {entry.CaseId} of {_tenant} was not opened although its alert is on the intake ledger.");
        SecurityInstruments.AlertTaken(duplicate);
        return new AlertOutcome(alert.Source, alert.Seq, duplicate, entry.CaseId!, entry.OpenedCase, current);
    }

    public async Task<IdentityOutcome> Record(IdentityEvent identityEvent)
    {
        if (SecurityValidation.Problem(identityEvent) is { } problem)
        {
            throw new InvalidEventException($"security intake {_tenant}: {problem}");
        }
        await RedriveAsync();
        var candidate = IntakeDecider.Candidate(_state, identityEvent.Principal);
        var active = await ActiveAsync(candidate is null ? [] : [candidate]);
        var (entry, duplicate) = await SettleAsync(IntakeDecider.Decide(_state, identityEvent, active, time.GetUtcNow()));
        return new IdentityOutcome(identityEvent.Source, identityEvent.Seq, duplicate, entry.CaseId);
    }

    public async Task<IReadOnlyList<SecurityCase>> ListCases(CaseStatus? status, int max)
    {
        if (max < 1 || max > MaxListed)
        {
            throw new InvalidEventException($"max must be between 1 and {MaxListed}, not {max}.");
        }
        if (status is { } wanted && !Enum.IsDefined(wanted))
        {
            throw new InvalidEventException($"status {(int)wanted} is not one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.");
        }
        var cases = await Task.WhenAll(_state.Cases.Select(id => Case(id).Get()));
        return [.. cases
            .OfType<SecurityCase>()
            .Where(c => status is null || c.Status == status)
            .OrderByDescending(c => c.OpenedAt)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Take(max)];
    }

    /// <summary>Settles <paramref name="decision"/>: the entry that stands on the ledger for its key, and whether it was there already.</summary>
    private async Task<(IntakeEntry Entry, bool Duplicate)> SettleAsync(SecurityDecision<IntakeEntry> decision)
    {
        var request = decision.Change;
        if (decision.Verdict == SecurityVerdict.LookUp)
        {
            // Memory has seen the key, or cannot tell (beyond the dedup bound): the ledger's row settles it.
            var row = await store.FindAsync(_ledger, request!.LedgerSource, request.LedgerSeq, CancellationToken.None);
            decision = IntakeDecider.DecideWithOriginal(request, row is null ? null : SecurityLedgerCodec.ReadIntakeEntry(row.Payload));
        }
        switch (decision.Verdict)
        {
            case SecurityVerdict.Append:
                var original = await AppendAsync(decision.Change!);
                await RedriveAsync();
                if (_state.Version - _snapshotVersion >= options.Value.SnapshotEvery)
                {
                    await TrySnapshotAsync();
                }
                return (original ?? decision.Change!, original is not null);
            case SecurityVerdict.Duplicate:
                GrainInstruments.Duplicates.Add(1, new KeyValuePair<string, object?>("kind", "security"));
                return (decision.Original!, true);
            case SecurityVerdict.Conflict:
                GrainInstruments.Conflicts.Add(1, new KeyValuePair<string, object?>("kind", "security"));
                throw new ConflictException($"security intake {_tenant}", request?.Alert?.Source ?? request?.Identity?.Source ?? "", request?.LedgerSeq ?? 0);
            default:
                throw new InvalidEventException($"security intake {_tenant}: {decision.Problem}");
        }
    }

    /// <summary>Appends and applies <paramref name="entry"/>; returns the ledger's original row when its key was already there (nothing applied).</summary>
    private async Task<IntakeEntry?> AppendAsync(IntakeEntry entry)
    {
        var row = new LedgerAppend(_ledger, _tenant, _state.Version + 1, entry.LedgerSource, entry.LedgerSeq, entry.Type, entry.At, SecurityLedgerCodec.Serialize(entry));
        var result = await LedgerHead.AppendAsync(writer, row, StaleActivation);
        if (result.Status == AppendStatus.Duplicate)
        {
            // Memory said new, yet the database's unique key had the row: another activation wrote it.
            var original = SecurityLedgerCodec.ReadIntakeEntry(result.Entry!.Payload);
            StaleActivation();
            if (!entry.SameRequest(original))
            {
                throw new ConflictException($"security intake {_tenant}", entry.Alert?.Source ?? entry.Identity?.Source ?? "", entry.LedgerSeq);
            }
            return original;
        }
        IntakeDecider.Apply(_state, entry);
        GrainInstruments.EventsRecorded.Add(1, new KeyValuePair<string, object?>("kind", "security"), new KeyValuePair<string, object?>("type", entry.Type));
        return null;
    }

    private async Task RedriveAsync()
    {
        foreach (var (position, entry) in _state.Pending.ToList())
        {
            var target = Case(entry.CaseId!);
            if (entry.Alert is { } alert)
            {
                await target.ApplyAlert(alert);
            }
            else
            {
                await target.ApplyIdentity(entry.Identity!.ToEvent());
            }
            _state.Confirm(position);
        }
    }

    private async Task<IReadOnlySet<string>> ActiveAsync(IReadOnlyList<string> candidates)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var caseId in candidates)
        {
            if (await Case(caseId).Get() is { } found && CaseLifecycle.IsActive(found.Status))
            {
                active.Add(caseId);
            }
        }
        return active;
    }

    private ISecurityCaseGrain Case(string caseId) => GrainFactory.GetGrain<ISecurityCaseGrain>(EntityKey.Format(_tenant, caseId));

    private void StaleActivation()
    {
        logger.LogWarning("{Ledger}: the ledger moved under this activation; deactivating so the next one replays it.", _ledger);
        DeactivateOnIdle();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = snapshot.State.SnapshotJson;
        _state = json is null ? new IntakeState() : IntakeState.FromSnapshot(JsonSerializer.Deserialize<IntakeStateSnapshot>(json)!);
        _snapshotVersion = _state.Version;
        var replayed = await LedgerTail.ReplayAsync(store, _ledger, _state.Version, options.Value.ReplayPageSize,
            row => IntakeDecider.Apply(_state, SecurityLedgerCodec.ReadIntakeEntry(row.Payload)), cancellationToken);
        GrainInstruments.ActivationReplay.Record(replayed);
    }

    private async Task TrySnapshotAsync()
    {
        if (await EntitySnapshot.TryWriteAsync(snapshot, JsonSerializer.Serialize(_state.ToSnapshot()), logger, _ledger, _state.Version))
        {
            _snapshotVersion = _state.Version;
        }
    }
}
