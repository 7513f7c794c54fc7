using System.Globalization;
using Actors.Contracts.Health;
using Actors.Contracts.Projections;
using Actors.Grains.Events;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Hosting.Health;

/// <summary>
/// Evaluates this silo's health indicators every <see cref="HealthOptions.Interval"/> while the silo is active, keeps the
/// latest report for <c>/healthz</c> and the <c>actors.health.*</c> gauges, and pushes it to the cluster's
/// <see cref="IHealthReportGrain"/> so <c>actors status</c> sees every silo.
/// </summary>
public sealed partial class SiloHealthMonitor : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly HealthOptions _options;
    private readonly IServiceProvider _services;
    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails _silo;
    private readonly TimeProvider _time;
    private readonly ILogger<SiloHealthMonitor> _logger;
    private readonly ActorsMeterWindow _meter;
    private readonly LaneBacklogAges _laneAges = new();
    private readonly DeadLetterGrowth _deadLetters;
    private readonly SemaphoreSlim _evaluating = new(1, 1);
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;
    private SiloHealthReport? _latest;

    /// <summary>Creates the monitor; it starts listening to the meter at once and evaluating when the silo becomes active.</summary>
    public SiloHealthMonitor(
        HealthOptions options, IServiceProvider services, IGrainFactory grains, ILocalSiloDetails silo, TimeProvider time, ILogger<SiloHealthMonitor> logger)
    {
        options.Validate();
        _options = options;
        _services = services;
        _grains = grains;
        _silo = silo;
        _time = time;
        _logger = logger;
        _meter = new ActorsMeterWindow(time, options.Window);
        _deadLetters = new DeadLetterGrowth(options.Window);
        HealthInstruments.AddSource(this, () => Volatile.Read(ref _latest));
    }

    /// <summary>The latest evaluation, or null before the first.</summary>
    public SiloHealthReport? Latest => Volatile.Read(ref _latest);

    /// <summary>The latest evaluation, evaluating now when there is none yet.</summary>
    public async Task<SiloHealthReport> CurrentAsync(CancellationToken cancellationToken) =>
        Latest ?? await EvaluateAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Reads every source, applies the thresholds and keeps the result as <see cref="Latest"/>.</summary>
    public async Task<SiloHealthReport> EvaluateAsync(CancellationToken cancellationToken)
    {
        // The lag and DLQ trackers compare successive readings, so two evaluations must not interleave.
        await _evaluating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var unreadable = new List<string>();
            var now = _time.GetUtcNow();
            var (ages, added) = await ReadLanesAsync(now, unreadable, cancellationToken).ConfigureAwait(false);
            var projections = await ReadProjectionsAsync(unreadable).ConfigureAwait(false);
            var readings = new HealthReadings(_meter.Read(), ages, added, projections, unreadable);
            var (status, reasons, indicators) = HealthEvaluator.Evaluate(HealthEvaluator.Measure(readings), unreadable, _options);
            var report = new SiloHealthReport(
                _silo.SiloAddress.ToString(), _silo.Name, status, reasons, indicators, now, _options.Interval * 3);
            Volatile.Write(ref _latest, report);
            return report;
        }
        finally
        {
            _evaluating.Release();
        }
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloHealthMonitor), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <inheritdoc />
    public void Dispose()
    {
        HealthInstruments.RemoveSource(this);
        _meter.Dispose();
        _stopping?.Dispose();
        _evaluating.Dispose();
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.Interval, _time);
        var reportTo = _grains.GetGrain<IHealthReportGrain>(IHealthReportGrain.ClusterKey);
        do
        {
            try
            {
                var report = await EvaluateAsync(stopping).ConfigureAwait(false);
                await reportTo.Report(report).WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failed)
            {
                // The next tick tries again: a health loop that died would leave /healthz answering a stale report.
                LogEvaluationFailed(failed);
            }
        }
        while (await WaitAsync(timer, stopping).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<(IReadOnlyDictionary<string, LaneBacklogAge>?, IReadOnlyDictionary<string, long>?)> ReadLanesAsync(
        DateTimeOffset now, List<string> unreadable, CancellationToken cancellationToken)
    {
        if (_services.GetService<LaneAvailability>() is not { Enabled: true } || _services.GetService<ILaneStatusSource>() is not { } source)
        {
            return (null, null);
        }
        try
        {
            var statuses = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            return (_laneAges.Observe(statuses, now), _deadLetters.Observe(statuses, now));
        }
        catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            unreadable.Add($"lanes: their status could not be read ({OneLine(failed.Message)})");
            return (null, null);
        }
    }

    private async Task<ProjectionHealthReading?> ReadProjectionsAsync(List<string> unreadable)
    {
        var statuses = new List<ProjectionStatus>();
        foreach (var name in ProjectionNames.All)
        {
            try
            {
                statuses.Add(await _grains.GetGrain<IProjectionGrain>(name).GetStatus().ConfigureAwait(false));
            }
            catch (Exception failed)
            {
                unreadable.Add($"projections: {name}'s status could not be read ({OneLine(failed.Message)})");
            }
        }
        if (statuses.Count == 0)
        {
            return null;
        }
        var behind = statuses.MaxBy(s => s.Lag)!;
        var rebuilt = statuses.Where(s => s.Rebuild is not null).MaxBy(s => s.Rebuild!.Elapsed);
        var detail = rebuilt?.Rebuild is { } rebuild
            ? string.Create(CultureInfo.InvariantCulture,
                $"{rebuilt.Name} v{rebuild.Version} {rebuild.State.ToString().ToLowerInvariant()}: {rebuild.Replayed} rows in {rebuild.Elapsed.TotalSeconds:0.#} s")
            : "no rebuild since the owners started";
        return new ProjectionHealthReading(behind.Lag, behind.Name, rebuilt?.Rebuild?.Elapsed.TotalSeconds ?? 0, detail);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating or reporting this silo's health failed; trying again at the next interval.")]
    private partial void LogEvaluationFailed(Exception exception);
}
