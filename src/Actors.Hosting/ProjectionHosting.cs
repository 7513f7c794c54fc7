using Actors.Hosting.Projections;
using Actors.Ledger.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// Composes the projections into a silo: the read-model store of the profile, the reader, and the start-up that
/// initialises the store and activates each projection's single owner (plus, in the cluster profile, the reminder that
/// brings an owner back after its silo died).
/// </summary>
internal static class ProjectionHosting
{
    /// <summary>
    /// The local profile's projection database. A file of its own rather than the ledger's: SQLite has one writer per file,
    /// and a rebuild's large transactions must never hold the ledger's group-commit writer (acknowledged appends) waiting.
    /// Both files are in the data directory; the checkpoint lives with the read model, so they still commit together.
    /// </summary>
    public static string ProjectionsPath(ActorsSiloOptions options) => Path.Combine(options.DataPath, "projections.db");

    public static ISiloBuilder AddActorsProjections(this ISiloBuilder builder, ActorsSiloOptions options)
    {
        var projections = options.Projections;
        projections.Validate();
        var services = builder.Services;
        services.AddSingleton(projections);
        services.AddSingleton<IBalancesProjectionStore>(_ => options.Profile == ActorsProfile.Local
            ? new SqliteBalancesProjectionStore(ProjectionsPath(options))
            : new PostgresBalancesProjectionStore(options.RequirePostgres()));
        services.AddSingleton<BalancesProjectionReader>();
        services.AddSingleton(new ProjectionKeepAlive(options.Profile == ActorsProfile.Cluster));
        services.AddSingleton<ProjectionStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ProjectionStartup>());
        return builder;
    }
}
