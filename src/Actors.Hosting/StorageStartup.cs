using Actors.Hosting.Schema;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// Creates every schema the silo needs before any Orleans provider touches its database: Orleans' ADO.NET providers read
/// their queries from the <c>OrleansQuery</c> table when they initialise, so the schema must exist first. Idempotent, so every
/// silo runs it on every start.
/// </summary>
internal sealed class StorageStartup(ActorsSiloOptions options, ILedgerStore ledger, ILogger<StorageStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageStartup), ServiceLifecycleStage.First, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Profile == ActorsProfile.Local)
        {
            Directory.CreateDirectory(options.DataPath);
            await OrleansSchemaInstaller.EnsureSqliteStorageAsync(LocalStorage.OrleansConnectionString(options), cancellationToken);
        }
        else
        {
            await OrleansSchemaInstaller.EnsurePostgresAsync(options.RequirePostgres(), cancellationToken);
        }
        await ledger.InitializeAsync(cancellationToken);
        logger.LogInformation("Actors storage ready: profile {Profile}, {Where}.", options.Profile,
            options.Profile == ActorsProfile.Local ? options.DataPath : "PostgreSQL");
    }
}
