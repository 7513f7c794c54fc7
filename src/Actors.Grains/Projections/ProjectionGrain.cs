using Actors.Contracts.Projections;
using Actors.Ledger;
using Actors.Ledger.Projections;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Actors.Grains.Projections;

/// <summary>
/// The one owner of a projection in the cluster (Orleans keeps a single activation), a thin shell over
/// <see cref="BalancesProjectionOwner"/>: on activation it decides what to tail and what to rebuild, a grain timer tails the
/// active version every <see cref="ProjectionOptions.TailPeriod"/>, and rebuilds run in the background on the thread pool.
/// </summary>
/// <remarks>
/// Reentrant, so status and rebuild requests are answered while a tailing pass waits on the database; the timer never
/// overlaps itself. Should two activations exist for a moment (a silo declared dead that is not), the checkpoint guard
/// refuses the second one's batches, so nothing is applied twice.
/// </remarks>
[Reentrant]
public sealed class ProjectionGrain(
    ILedgerStore ledger,
    IBalancesProjectionStore store,
    ProjectionOptions options,
    TimeProvider time,
    ILogger<ProjectionGrain> logger) : Grain, IProjectionGrain
{
    private BalancesProjectionOwner? _owner;
    private IGrainTimer? _timer;
    private Task? _watchedRebuild;
    private string? _reportedError;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        if (!ProjectionNames.All.Contains(name, StringComparer.Ordinal))
        {
            // Every call answers with the error; nothing to own.
            return;
        }
        _owner = new BalancesProjectionOwner(ledger, store, options.ToOwnerSettings(), time);
        var plan = await _owner.StartAsync(cancellationToken);
        logger.LogInformation("Projection {Projection}: owner active on this silo, {Plan}.", name, plan.Reason);
        WatchRebuild();
        _timer = this.RegisterGrainTimer(TailAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.TailPeriod) { KeepAlive = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        if (_owner is not null)
        {
            // A running rebuild stops here and is resumed, from its checkpoint, by the next activation.
            await _owner.DisposeAsync();
        }
    }

    public Task<ProjectionStatus> Start() => GetStatus();

    public async Task<ProjectionStatus> GetStatus() => (await Owner().ReadStatusAsync(CancellationToken.None)) with { Owner = RuntimeIdentity };

    public async Task<ProjectionStatus> StartRebuild()
    {
        var owner = Owner();
        var version = await owner.StartRebuildAsync(CancellationToken.None);
        logger.LogInformation("Projection {Projection}: rebuild into version {Version} requested.", this.GetPrimaryKeyString(), version);
        WatchRebuild();
        return await GetStatus();
    }

    private BalancesProjectionOwner Owner()
    {
        ProjectionNames.Validate(this.GetPrimaryKeyString());
        return _owner ?? throw new InvalidOperationException("the projection owner is not active.");
    }

    private async Task TailAsync(CancellationToken cancellationToken)
    {
        var owner = _owner!;
        try
        {
            await owner.TailAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The owner keeps the error in its status; the next tick retries from the checkpoint. Logged once per distinct error.
            if (failure.Message != _reportedError)
            {
                logger.LogError(failure, "Projection {Projection}: tailing failed; retrying every {Period}.", this.GetPrimaryKeyString(), options.TailPeriod);
                _reportedError = failure.Message;
            }
            return;
        }
        var error = owner.ReadLastStatus().LastError;
        if (error != _reportedError)
        {
            if (error is not null)
            {
                logger.LogWarning("Projection {Projection}: {Error}", this.GetPrimaryKeyString(), error);
            }
            else
            {
                logger.LogInformation("Projection {Projection}: tailing again.", this.GetPrimaryKeyString());
            }
            _reportedError = error;
        }
    }

    // Logs how the background rebuild ended, once per rebuild.
    private void WatchRebuild()
    {
        var completion = _owner!.RebuildCompletion;
        if (completion.IsCompleted || completion == _watchedRebuild)
        {
            return;
        }
        _watchedRebuild = completion;
        _ = LogWhenRebuiltAsync(completion);
    }

    private async Task LogWhenRebuiltAsync(Task completion)
    {
        // The owner's rebuild task never faults: its outcome is in the status.
        await completion;
        var rebuild = _owner!.ReadLastStatus().Rebuild;
        var name = this.GetPrimaryKeyString();
        switch (rebuild?.State)
        {
            case ProjectionRebuildState.Succeeded:
                logger.LogInformation("Projection {Projection}: version {Version} rebuilt ({Reason}): {Events} events in {Seconds:F1} s ({Rate:F0} events/s); readers switched.",
                    name, rebuild.Version, rebuild.Reason, rebuild.Replayed, rebuild.Elapsed.TotalSeconds, rebuild.EventsPerSecond);
                break;
            case ProjectionRebuildState.Failed:
                logger.LogError("Projection {Projection}: rebuild of version {Version} failed: {Error}. Readers stay on the previous version.",
                    name, rebuild.Version, rebuild.Error);
                break;
            case ProjectionRebuildState.Interrupted:
                logger.LogWarning("Projection {Projection}: rebuild of version {Version} interrupted at position {Checkpoint}; the next owner resumes it.",
                    name, rebuild.Version, rebuild.Checkpoint);
                break;
        }
    }
}
