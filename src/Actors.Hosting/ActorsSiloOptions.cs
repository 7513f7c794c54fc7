using Actors.Grains;
using Actors.Grains.Reconciliation;
using Actors.Ledger;

namespace Actors.Hosting;

/// <summary>
/// Everything that differs between deployments of a silo. Bound from the <c>Actors</c> configuration section
/// (<c>cluster-config/appsettings*.json</c>, environment variables such as <c>Actors__Profile</c>, command-line arguments).
/// </summary>
public sealed class ActorsSiloOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string Section = "Actors";

    /// <summary>Which profile to run; <see cref="ActorsProfile.Local"/> by default.</summary>
    public ActorsProfile Profile { get; set; } = ActorsProfile.Local;

    /// <summary>Folder of the local profile's SQLite files (<c>ledger.db</c>, <c>orleans.db</c>); created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL connection string of the cluster profile. Falls back to the <c>ACTORS_POSTGRES</c> environment variable.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients use to reach this silo (cluster profile). Empty: the host's first non-loopback IPv4
    /// address. Set <c>127.0.0.1</c> to run several silos on one machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Orleans cluster id; silos with the same id and database form one cluster. Defaults per profile.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Orleans service id; keys grain state and reminders, so it must stay stable across deployments.</summary>
    public string ServiceId { get; set; } = "actors";

    /// <summary>
    /// Set by test harnesses that provide membership, endpoints and cluster ids themselves (e.g. <c>InProcessTestCluster</c>);
    /// then only storage, the ledger and the grains' services are composed here.
    /// </summary>
    public bool HostProvidesMembership { get; set; }

    /// <summary>Group-commit settings of the silo's ledger writer.</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>The critical and bulk lanes: routing overrides and the queue technology's settings.</summary>
    public ActorsLaneSettings Lanes { get; set; } = new();

    /// <summary>How the reconciler runs: continuously or on demand, its period, batch size and parallelism.</summary>
    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>Invoicing: the price plan folder, the default plan, batch size and parallelism of issuing runs.</summary>
    public Actors.Grains.Invoicing.InvoicingOptions Invoicing { get; set; } = new();

    /// <summary>Stock sharding: shards per SKU-location, hot SKUs, top-up attempts (<c>Actors:Inventory</c>).</summary>
    public Actors.Grains.Inventory.InventoryOptions Inventory { get; set; } = new();

    /// <summary>Order fulfillment: the network file, the solver's time budget, re-solve attempts (<c>Actors:Fulfillment</c>).</summary>
    public Actors.Grains.Fulfillment.FulfillmentOptions Fulfillment { get; set; } = new();

    /// <summary>Detection: the rules file the telemetry detectors apply (<c>Actors:Detection</c>).</summary>
    public Actors.Grains.Detection.DetectionOptions Detection { get; set; } = new();

    /// <summary>Entity grain tuning.</summary>
    public ActorsGrainOptions Grains { get; set; } = new();

    /// <summary>The projections' owner: tailing period and batch sizes (<c>Actors:Projections</c>).</summary>
    public Actors.Grains.Projections.ProjectionOptions Projections { get; set; } = new();

    /// <summary>TLS between silos and clients in the cluster profile (<c>Actors:Tls</c>); off without a certificate.</summary>
    public ActorsTlsOptions Tls { get; set; } = new();

    /// <summary>The cluster id to use: the configured one, else <c>actors-local</c> or <c>actors</c> by profile.</summary>
    public string EffectiveClusterId => ClusterId ?? (Profile == ActorsProfile.Local ? "actors-local" : "actors");

    /// <summary>The PostgreSQL connection string, or a clear error when the cluster profile has none.</summary>
    public string RequirePostgres() =>
        PostgresConnectionString
        ?? Environment.GetEnvironmentVariable("ACTORS_POSTGRES")
        ?? throw new InvalidOperationException(
            "The cluster profile needs PostgreSQL: set Actors:PostgresConnectionString (e.g. --postgres \"Host=...;Database=actors\") or ACTORS_POSTGRES.");

    /// <summary>Absolute path of the data directory.</summary>
    public string DataPath => Path.GetFullPath(DataDirectory);
}
