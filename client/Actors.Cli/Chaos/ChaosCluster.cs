namespace Actors.Cli.Chaos;

/// <summary>
/// The silo processes of one chaos run on one machine, against the run's database. Disposing stops every silo, and a
/// process-exit hook kills them too, so no silo outlives the CLI.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    /// <summary>How long a silo may take to answer /healthz after a (re)start on a busy machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly EventHandler _onProcessExit;

    private ChaosCluster(IReadOnlyList<ChaosSilo> silos, string clusterId)
    {
        Silos = silos;
        ClusterId = clusterId;
        _onProcessExit = (_, _) =>
        {
            foreach (var silo in silos)
            {
                silo.KillAsync().GetAwaiter().GetResult();
            }
        };
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The file in the run directory naming each silo's dashboard URL and credentials.</summary>
    public const string DashboardsFile = "dashboards.txt";

    /// <summary>The silos, numbered from 1.</summary>
    public IReadOnlyList<ChaosSilo> Silos { get; }

    /// <summary>The Orleans cluster id of the run.</summary>
    public string ClusterId { get; }

    /// <summary>Starts <paramref name="count"/> silos (in parallel) and waits until all are healthy.</summary>
    public static async Task<ChaosCluster> StartAsync(
        int count, SiloExecutable executable, string runDirectory, string postgres, string clusterId, CancellationToken cancellationToken)
    {
        var dashboardPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var silos = Enumerable.Range(1, count)
            .Select(i => new ChaosSilo(i, executable, Path.Combine(runDirectory, $"silo-{i}"), postgres, clusterId, dashboardPassword))
            .ToList();
        // Where to watch the run: one line per silo, "silo-N URL user:password" (cluster-config/scripts/chaos-screenshot.sh reads it).
        await File.WriteAllLinesAsync(Path.Combine(runDirectory, DashboardsFile),
            silos.Select(s => $"silo-{s.Index} http://127.0.0.1:{s.HttpPort}/dashboard/ {ChaosSilo.DashboardUser}:{dashboardPassword}"), cancellationToken);
        var cluster = new ChaosCluster(silos, clusterId);
        try
        {
            // All at once: the schema scripts take an advisory lock, so silos starting together create it one after another.
            await Task.WhenAll(silos.Select(s => s.StartAsync(StartTimeout, cancellationToken)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Stops every silo (gracefully, then by force).</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        await Task.WhenAll(Silos.Select(s => s.StopAsync(StopGrace)));
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }
}
