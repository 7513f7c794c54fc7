namespace Actors.Cli.Chaos;

/// <summary>What one chaos run does: how many silos, for how long, how often one is killed, and how much load it drives.</summary>
/// <param name="Silos">Silo processes in the cluster.</param>
/// <param name="Duration">How long load is driven (the drain and the verification come after).</param>
/// <param name="KillEvery">Pause between two SIGKILLs; <see cref="TimeSpan.Zero"/> turns the killer off.</param>
/// <param name="OperationsPerSecond">Target rate of new operations.</param>
/// <param name="Seed">Seed of the workload and of the killer's choices, printed so a run can be replayed.</param>
/// <param name="PostgresServer">Connection string of the PostgreSQL server; the run creates a database of its own on it.</param>
/// <param name="Silo">The silo executable the processes run.</param>
/// <param name="RunDirectory">Where the silos' data and the acknowledgement log go.</param>
/// <param name="DropDatabase">Drop the run's database at the end (otherwise it is kept for inspection).</param>
public sealed record ChaosSettings(
    int Silos,
    TimeSpan Duration,
    TimeSpan KillEvery,
    int OperationsPerSecond,
    int Seed,
    string PostgresServer,
    SiloExecutable Silo,
    string RunDirectory,
    bool DropDatabase)
{
    /// <summary>How long calls still unacknowledged when the load stops are retried before the run gives up on them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accounts the billing load spreads over.</summary>
    public int Accounts { get; init; } = 12;

    /// <summary>SKUs (at one location) the inventory load spreads over.</summary>
    public int Skus { get; init; } = 6;

    /// <summary>Principals the alerts are about.</summary>
    public int Principals { get; init; } = 8;

    /// <summary>Calls in flight at most; when the cluster cannot keep up, the generator falls behind instead of piling up calls.</summary>
    public int MaxInFlight { get; init; } = 256;
}
