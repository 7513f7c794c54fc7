using System.Diagnostics;
using Actors.Contracts.Projections;

namespace Actors.Ledger.Projections;

/// <summary>
/// The work of the <c>balances</c> projection's one owner, without the hosting: at start it decides what to tail and what
/// to rebuild (<see cref="ProjectionStartPlan"/>), each <see cref="TailAsync"/> moves the active version towards the
/// ledger head, and a rebuild runs in the background on the thread pool while tailing goes on, then switches readers.
/// The Orleans grain that hosts it calls <see cref="TailAsync"/> from its timer; tests call it directly.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="TailAsync"/> is called by one caller at a time; the background rebuild touches only the
/// fields under <c>_gate</c>, which every reader of the status takes too.
/// </remarks>
public sealed class BalancesProjectionOwner : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly ILedgerStore _ledger;
    private readonly IBalancesProjectionStore _store;
    private readonly ProjectionRunner _runner;
    private readonly ProjectionOwnerSettings _settings;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();

    private int? _live;
    private int? _liveLogic;
    private long _checkpoint;
    private long _head;
    private string _note = "not started";
    private string? _lastError;
    private RebuildRun? _rebuild;
    private Task _rebuildTask = Task.CompletedTask;

    /// <summary>An owner of the projection in <paramref name="store"/>, fed from <paramref name="ledger"/>.</summary>
    public BalancesProjectionOwner(ILedgerStore ledger, IBalancesProjectionStore store, ProjectionOwnerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RebuildBatchSize);
        _ledger = ledger;
        _store = store;
        _runner = new ProjectionRunner(ledger, store);
        _settings = settings;
        _time = time;
    }

    /// <summary>Completes when the background rebuild (if any) has ended, however it ended; never faults.</summary>
    public Task RebuildCompletion
    {
        get
        {
            lock (_gate)
            {
                return _rebuildTask;
            }
        }
    }

    /// <summary>
    /// Reads the versions and acts on <see cref="ProjectionStartPlan"/>: remembers the version to tail (adding the tables
    /// this logic needs to a version an older build made) and starts the rebuild it calls for in the background.
    /// </summary>
    public async Task<ProjectionStartPlan> StartAsync(CancellationToken cancellationToken)
    {
        var versions = await _store.ReadVersionsAsync(cancellationToken);
        var plan = ProjectionStartPlan.For(versions, BalanceEffect.LogicVersion);
        if (plan.Live is int live)
        {
            // Idempotent: an older build's version gets its usage table, and keeps its recorded logic version.
            _checkpoint = await _store.EnsureVersionAsync(live, BalanceEffect.LogicVersion, cancellationToken);
        }
        lock (_gate)
        {
            _live = plan.Live;
            _liveLogic = versions.FirstOrDefault(v => v.Version == plan.Live)?.LogicVersion;
            _note = plan.Reason;
        }
        if (plan.RebuildInto is int target)
        {
            Begin(target, plan.Reason);
        }
        return plan;
    }

    /// <summary>
    /// One tailing pass of the active version (see <see cref="ProjectionRunner.TailAsync"/>); null when there is no
    /// version to tail yet. A checkpoint moved by a second owner (a brief double activation) is recorded in the status
    /// and the next pass resumes from the moved checkpoint; any other failure is recorded and thrown.
    /// </summary>
    public async Task<TailResult?> TailAsync(CancellationToken cancellationToken)
    {
        int? live;
        lock (_gate)
        {
            live = _live;
        }
        if (live is not int version)
        {
            return null;
        }
        TailResult result;
        try
        {
            result = await _runner.TailAsync(version, _settings.BatchSize, _settings.TailBudget, cancellationToken);
        }
        catch (ProjectionCheckpointConflictException conflict)
        {
            // Not a fault of this owner: the other one applied those rows. Both stay correct; the next pass re-reads.
            lock (_gate)
            {
                _lastError = conflict.Message;
            }
            return null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            lock (_gate)
            {
                _lastError = failure.Message;
            }
            throw;
        }
        lock (_gate)
        {
            _lastError = null;
            if (_live == version)
            {
                _checkpoint = result.Checkpoint;
                _head = result.Head;
                ProjectionInstruments.ReportLag(BalancesTable.ProjectionName, result.Lag);
            }
        }
        return result;
    }

    /// <summary>
    /// Starts a rebuild into a new version (one above every existing version) in the background and returns its number;
    /// when one is running, returns the number of that one instead.
    /// </summary>
    public async Task<int> StartRebuildAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_rebuild is { State: ProjectionRebuildState.Running } running)
            {
                return running.Version;
            }
        }
        var versions = await _store.ReadVersionsAsync(cancellationToken);
        var target = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        return Begin(target, "requested");
    }

    /// <summary>The status as of now: the version and its checkpoint are read fresh, as is the ledger head.</summary>
    public async Task<ProjectionStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        int? live;
        lock (_gate)
        {
            live = _live;
        }
        var head = await _ledger.ReadHeadAsync(cancellationToken);
        var checkpoint = live is int version ? await _store.ReadCheckpointAsync(version, cancellationToken) : null;
        lock (_gate)
        {
            if (_live == live)
            {
                _head = head;
                if (checkpoint is long known)
                {
                    _checkpoint = known;
                }
            }
            return Snapshot();
        }
    }

    /// <summary>The status as the last pass left it, without reading anything.</summary>
    public ProjectionStatus ReadLastStatus()
    {
        lock (_gate)
        {
            return Snapshot();
        }
    }

    /// <summary>Stops a running rebuild (it resumes at the next owner's start) and stops reporting the lag.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await RebuildCompletion;
        ProjectionInstruments.ForgetLag(BalancesTable.ProjectionName);
        _stopping.Dispose();
    }

    private int Begin(int target, string reason)
    {
        lock (_gate)
        {
            if (_rebuild is { State: ProjectionRebuildState.Running } running)
            {
                return running.Version;
            }
            var run = new RebuildRun(target, reason, _time.GetUtcNow());
            _rebuild = run;
            // The thread pool, not the caller's scheduler: decoding a million rows must not hold up the owner's other work.
            _rebuildTask = Task.Run(() => RunAsync(run), CancellationToken.None);
            return target;
        }
    }

    private async Task RunAsync(RebuildRun run)
    {
        var progress = new Progress(this, run);
        try
        {
            var result = await _runner.RebuildAsync(run.Version, _settings.RebuildBatchSize, progress, _stopping.Token);
            var checkpoint = await _store.ReadCheckpointAsync(result.Version, _stopping.Token) ?? result.Checkpoint;
            lock (_gate)
            {
                _live = result.Version;
                _liveLogic = BalanceEffect.LogicVersion;
                _checkpoint = checkpoint;
                _note = $"tailing active version {result.Version} (rebuilt: {run.Reason})";
                run.End(ProjectionRebuildState.Succeeded, null, result.Checkpoint);
            }
            ProjectionInstruments.RebuildDuration.Record(result.Duration.TotalSeconds, new KeyValuePair<string, object?>("projection", BalancesTable.ProjectionName));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            lock (_gate)
            {
                run.End(ProjectionRebuildState.Interrupted, "its owner stopped; the next owner resumes it from its checkpoint", null);
            }
        }
        catch (Exception failure)
        {
            // Kept in the status for operators and the hosting's log; the live version is untouched and keeps serving.
            lock (_gate)
            {
                run.End(ProjectionRebuildState.Failed, $"{failure.GetType().Name}: {failure.Message}", null);
            }
        }
    }

    private ProjectionStatus Snapshot() => new(
        BalancesTable.ProjectionName,
        _live,
        _liveLogic,
        BalanceEffect.LogicVersion,
        _live is null ? 0 : _checkpoint,
        _head,
        _rebuild?.ToContract(),
        _lastError,
        _note);

    // Mutable progress of one rebuild, guarded by the owner's _gate.
    private sealed class RebuildRun(int version, string reason, DateTimeOffset startedAt)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _replayed;
        private long _checkpoint;
        private long _head;
        private string? _error;

        public int Version { get; } = version;

        public ProjectionRebuildState State { get; private set; } = ProjectionRebuildState.Running;

        public string Reason { get; } = reason;

        public void Report(RebuildProgress progress)
        {
            _replayed = progress.EventsReplayed;
            _checkpoint = progress.Checkpoint;
            _head = progress.Head;
        }

        public void End(ProjectionRebuildState state, string? error, long? checkpoint)
        {
            _clock.Stop();
            State = state;
            _error = error;
            if (checkpoint is long reached)
            {
                _checkpoint = reached;
                _head = Math.Max(_head, reached);
            }
        }

        public ProjectionRebuild ToContract() =>
            new(Version, State, Reason, _replayed, _checkpoint, _head, startedAt, _clock.Elapsed, _error);
    }

    // Reports on the rebuilding thread itself (System.Progress would post to the pool and could arrive after the end).
    private sealed class Progress(BalancesProjectionOwner owner, RebuildRun run) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            lock (owner._gate)
            {
                run.Report(value);
            }
        }
    }
}
