using System.Diagnostics;

namespace Actors.Cli.Chaos;

/// <summary>
/// Every interval, SIGKILLs a random silo and starts it again with the same ports and data; the next kill waits until
/// the silo is healthy again.
/// </summary>
public sealed class ChaosKiller(IReadOnlyList<ChaosSilo> silos, TimeSpan interval, int seed)
{
    private static readonly TimeSpan MinimumRecovery = TimeSpan.FromSeconds(2);

    private readonly Random _random = new(seed);
    private readonly List<ChaosKill> _kills = [];
    private readonly Lock _gate = new();

    /// <summary>Kills so far.</summary>
    public IReadOnlyList<ChaosKill> Kills
    {
        get { lock (_gate) { return [.. _kills]; } }
    }

    /// <summary>
    /// Kills until <paramref name="stop"/> is cancelled; a kill under way still finishes its restart unless
    /// <paramref name="abort"/> (Ctrl-C) is cancelled too.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        var nextKill = interval;
        while (!stop.IsCancellationRequested)
        {
            // Kills keep to the schedule (every interval from the start), but a restart that overran it still gets a
            // short recovery, so the cluster is never hit again the moment a silo is back.
            var wait = nextKill - clock.Elapsed;
            if (wait < MinimumRecovery)
            {
                wait = MinimumRecovery;
            }
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            await KillAndRestartAsync(silos[_random.Next(silos.Count)], clock.Elapsed.TotalSeconds, abort);
            nextKill += interval;
        }
    }

    private async Task KillAndRestartAsync(ChaosSilo silo, double at, CancellationToken abort)
    {
        var downtime = Stopwatch.StartNew();
        await silo.KillAsync();
        ChaosKill kill;
        try
        {
            // Not tied to the stop token: a killed silo is always brought back, so the verification sees the whole cluster.
            await silo.StartAsync(ChaosCluster.StartTimeout, abort);
            kill = new ChaosKill(silo.Index, at, downtime.Elapsed.TotalSeconds, null);
        }
        catch (Exception failure) when (failure is InvalidOperationException or TimeoutException)
        {
            kill = new ChaosKill(silo.Index, at, null, failure.Message);
        }
        lock (_gate)
        {
            _kills.Add(kill);
        }
    }
}
