using System.Diagnostics;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Domain;
using Actors.Domain.Reconciliation;
using Actors.Grains.Telemetry;
using Actors.Ledger;
using Actors.Ledger.Reconciliation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Reconciliation;

/// <summary>
/// One tenant's reconciler. A run pages through the tenant's accounts in ledger-id order, hands pages to
/// <see cref="IReconciliationWorkerGrain"/>s a few at a time, and after each wave stores its cursor, so a run cut short
/// by a crash resumes where it was when the grain activates again (the scheduler wakes every tenant's reconciler each
/// period). Results are keyed, so the pages a crash made it check twice store nothing new.
/// Commands on exceptions are not interleaved with each other (the grain is not reentrant), so a resolve and a dismiss
/// of the same exception cannot race; the runs themselves proceed in the background between calls.
/// </summary>
internal sealed class ReconcilerGrain(
    IReconciliationStore store,
    ILedgerStore ledger,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ReconcilerGrain> logger) : Grain, IReconcilerGrain
{
    private readonly Dictionary<string, ReconciliationRun> _running = new(StringComparer.Ordinal);

    private string Tenant => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var run in await store.ListRunsAsync(Tenant, options.Value.RecentRuns, cancellationToken))
        {
            if (run.State == RunState.Running && !_running.ContainsKey(run.Window))
            {
                logger.LogInformation("Resuming reconciliation run {RunId} of {Tenant} for {Window} after {Cursor}.",
                    run.RunId, run.Tenant, run.Window, run.Cursor ?? "(start)");
                Launch(run);
            }
        }
    }

    public async Task<ReconciliationRun> StartRun(string window)
    {
        var parsed = BillingWindow.Require(window).ToString();
        if (_running.TryGetValue(parsed, out var running))
        {
            return running;
        }
        var run = new ReconciliationRun(
            $"{Tenant}:{parsed}:{Guid.NewGuid():N}",
            Tenant, parsed, RunState.Running, time.GetUtcNow(), null, null, 0, new Dictionary<string, long>(), null);
        await store.StartRunAsync(run, CancellationToken.None);
        Launch(run);
        return run;
    }

    public Task<ReconciliationRun?> GetRun(string runId) =>
        _running.Values.FirstOrDefault(r => r.RunId == runId) is { } live
            ? Task.FromResult<ReconciliationRun?>(live)
            : store.FindRunAsync(runId, CancellationToken.None);

    public async Task<ReconcilerStatus> GetStatus()
    {
        var runs = await store.ListRunsAsync(Tenant, options.Value.RecentRuns, CancellationToken.None);
        var live = runs.Select(r => _running.Values.FirstOrDefault(l => l.RunId == r.RunId) ?? r).ToList();
        var counts = await store.CountAsync(Tenant, CancellationToken.None);
        return new ReconcilerStatus(Tenant, live, counts);
    }

    public async Task<List<ReconciliationException>> ListExceptions(ExceptionFilter filter, int max)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (max is < 1 or > 10_000)
        {
            throw new InvalidEventException($"max must be between 1 and 10000 (was {max}).");
        }
        return [.. await store.ListAsync(Tenant, filter, max, CancellationToken.None)];
    }

    public async Task<List<ExceptionAuditEntry>> GetAudit(ReconciliationKey key)
    {
        await RequireAsync(key);
        return [.. await store.ReadAuditAsync(key, CancellationToken.None)];
    }

    public Task<ReconciliationException> Acknowledge(ReconciliationKey key, string actor, string reason) =>
        CheckAndMoveAsync(key, ExceptionStatus.Acknowledged, actor, reason);

    public Task<ReconciliationException> Dismiss(ReconciliationKey key, string actor, string reason) =>
        CheckAndMoveAsync(key, ExceptionStatus.Dismissed, actor, reason);

    public async Task<ReconciliationException> Resolve(ReconciliationKey key, string actor, string reason)
    {
        var (current, done) = await CheckMoveAsync(key, ExceptionStatus.Resolved, actor, reason);
        if (done)
        {
            return current;
        }
        AdjustmentKey? adjustment = null;
        var mismatch = current.Mismatch;
        if (mismatch.CorrectionMinor != 0)
        {
            adjustment = CorrectionKeys.For(key);
            // Everything in the event comes from the stored result, never from this call's arguments, so a retry after a
            // crash between posting and recording sends the identical event and the account answers "duplicate".
            var correction = new AdjustmentPosted
            {
                Source = adjustment.Source,
                Seq = adjustment.Seq,
                OccurredAt = current.DetectedAt,
                Currency = mismatch.Currency,
                AmountMinor = mismatch.CorrectionMinor,
                Reason = $"reconciliation {key.Kind.Name()} {key.Window} {key.Plan}",
            };
            await GrainFactory.GetGrain<IAccountGrain>(EntityKey.Format(key.Tenant, key.Account)).Record(correction);
        }
        return await MoveAsync(key, ExceptionStatus.Resolved, actor, reason, adjustment);
    }

    private async Task<ReconciliationException> CheckAndMoveAsync(ReconciliationKey key, ExceptionStatus to, string actor, string reason)
    {
        var (current, done) = await CheckMoveAsync(key, to, actor, reason);
        return done ? current : await MoveAsync(key, to, actor, reason, adjustment: null);
    }

    // Validates the command and reads the exception once: Done when it already made this move (a repeat answers success);
    // throws when its status does not allow the move.
    private async Task<(ReconciliationException Current, bool Done)> CheckMoveAsync(
        ReconciliationKey key, ExceptionStatus to, string actor, string reason)
    {
        ValidateAudit(actor, reason);
        var current = await RequireAsync(key);
        if (ExceptionWorkflow.IsRepeat(current.Status, to))
        {
            return (current, true);
        }
        RequireAllowed(current, to);
        return (current, false);
    }

    // The store's compare-and-set decides; a concurrent move that got there first is answered like a repeat or refused.
    private async Task<ReconciliationException> MoveAsync(
        ReconciliationKey key, ExceptionStatus to, string actor, string reason, AdjustmentKey? adjustment)
    {
        var (after, moved) = await store.TransitionAsync(
            key, ExceptionWorkflow.AllowedFrom(to), to, actor, reason, adjustment, time.GetUtcNow(), CancellationToken.None);
        if (!moved && !ExceptionWorkflow.IsRepeat(after.Status, to))
        {
            RequireAllowed(after, to);
        }
        await PublishCountsAsync();
        return after;
    }

    private async Task<ReconciliationException> RequireAsync(ReconciliationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Tenant != Tenant)
        {
            throw new InvalidEventException($"the exception belongs to tenant '{key.Tenant}', not to this reconciler's tenant '{Tenant}'.");
        }
        return await store.FindAsync(key, CancellationToken.None)
            ?? throw new NotFoundException(
                $"no reconciliation result {key.Account} {key.Window} {key.Plan} {key.Kind.Name()} in tenant '{key.Tenant}'.");
    }

    private static void RequireAllowed(ReconciliationException current, ExceptionStatus to)
    {
        if (!ExceptionWorkflow.AllowedFrom(to).Contains(current.Status))
        {
            throw new InvalidTransitionException(
                $"the exception is {current.Status.Name()}; it cannot become {to.Name()} (open -> acknowledged -> resolved | dismissed).");
        }
    }

    private static void ValidateAudit(string actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > 200)
        {
            throw new InvalidEventException("actor is required (who makes the change), at most 200 characters.");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            throw new InvalidEventException("reason is required (why), at most 2000 characters.");
        }
    }

    private void Launch(ReconciliationRun run)
    {
        _running[run.Window] = run;
        // Started from the grain's context, so the run's awaits resume on the grain's scheduler and never race its calls.
        _ = ExecuteAsync(run);
    }

    private async Task ExecuteAsync(ReconciliationRun run)
    {
        var settings = options.Value;
        var clock = Stopwatch.StartNew();
        var prefix = LedgerNames.AccountsOf(run.Tenant);
        var byKind = new Dictionary<string, long>(run.MismatchesByKind, StringComparer.Ordinal);
        try
        {
            var cursor = run.Cursor is null ? null : LedgerNames.Account(run.Tenant, run.Cursor);
            while (true)
            {
                // Keep the activation while a long run is working: idle collection counts calls, not background work.
                DelayDeactivation(TimeSpan.FromMinutes(5));
                var wave = new List<List<string>>();
                for (var i = 0; i < settings.Parallelism; i++)
                {
                    var page = await ledger.ListLedgersAsync(prefix, cursor, settings.BatchSize, CancellationToken.None);
                    if (page.Count == 0)
                    {
                        break;
                    }
                    cursor = page[^1];
                    wave.Add([.. page.Select(l => l[prefix.Length..])]);
                }
                if (wave.Count == 0)
                {
                    break;
                }
                var results = await Task.WhenAll(wave.Select(accounts =>
                    GrainFactory.GetGrain<IReconciliationWorkerGrain>(0).Check(run.Tenant, run.Window, accounts)));
                long checkedNow = 0;
                foreach (var result in results)
                {
                    checkedNow += result.AccountsChecked;
                    foreach (var (kind, count) in result.MismatchesByKind)
                    {
                        byKind[kind] = byKind.GetValueOrDefault(kind) + count;
                        ReconciliationInstruments.Mismatches.Add(count, new KeyValuePair<string, object?>("kind", kind));
                    }
                }
                ReconciliationInstruments.AccountsChecked.Add(checkedNow);
                run = run with
                {
                    Cursor = wave[^1][^1],
                    AccountsChecked = run.AccountsChecked + checkedNow,
                    MismatchesByKind = new Dictionary<string, long>(byKind, StringComparer.Ordinal),
                };
                _running[run.Window] = run;
                await store.UpdateRunAsync(run, CancellationToken.None);
            }
            run = run with { State = RunState.Completed, FinishedAt = time.GetUtcNow() };
            await store.UpdateRunAsync(run, CancellationToken.None);
            ReconciliationInstruments.RunDuration.Record(clock.Elapsed.TotalSeconds);
            logger.LogInformation("Reconciliation run {RunId} checked {Accounts} accounts, found {Mismatches} mismatches in {Seconds:0.0} s.",
                run.RunId, run.AccountsChecked, byKind.Values.Sum(), clock.Elapsed.TotalSeconds);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Reconciliation run {RunId} failed.", run.RunId);
            await RecordFailureAsync(run with { State = RunState.Failed, FinishedAt = time.GetUtcNow(), Error = failure.Message });
        }
        finally
        {
            _running.Remove(run.Window);
        }
        await PublishCountsAsync();
    }

    // The run is recorded as failed with its reason (operators see it in `actors reconcile status`); the next scheduled or
    // on-demand run starts over, and results already stored stay valid because they are keyed. When even that write fails
    // (the database is down), the row stays "running" and the next activation resumes it from its cursor.
    private async Task RecordFailureAsync(ReconciliationRun failed)
    {
        try
        {
            await store.UpdateRunAsync(failed, CancellationToken.None);
        }
        catch (Exception unrecorded)
        {
            logger.LogError(unrecorded, "Reconciliation run {RunId} failed and its failure could not be recorded; it resumes on the next activation.", failed.RunId);
        }
    }

    // Nothing awaits a background run, so a failure here is logged rather than left to the unobserved-task handler; the
    // gauge keeps its previous counts until the next success.
    private async Task PublishCountsAsync()
    {
        try
        {
            ReconciliationInstruments.PublishCounts(await store.CountAsync(null, CancellationToken.None));
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Could not refresh the reconciliation exception counts.");
        }
    }
}
