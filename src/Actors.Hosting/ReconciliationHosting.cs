using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;
using Actors.Grains.Reconciliation;
using Actors.Ledger;
using Actors.Ledger.Invoicing;
using Actors.Ledger.Projections;
using Actors.Ledger.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// The reconciler's part of the silo: its result store per profile (local: <c>reconciliation.db</c> next to the ledger;
/// cluster: PostgreSQL), the batch checker the workers share, and the start of continuous reconciliation.
/// </summary>
internal static class ReconciliationHosting
{
    public static void AddActorsReconciliation(this IServiceCollection services, ActorsSiloOptions options)
    {
        var settings = options.Reconciliation;
        if (settings.BatchSize is < 1 or > BalancesProjectionReader.MaxAccountsPerRead || settings.Parallelism < 1 || settings.Period <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Actors:Reconciliation needs BatchSize 1..{BalancesProjectionReader.MaxAccountsPerRead}, Parallelism >= 1 and a positive Period " +
                $"(got {settings.BatchSize}, {settings.Parallelism}, {settings.Period}).");
        }
        settings.DurableSchedule = options.Profile == ActorsProfile.Cluster;
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton<IReconciliationStore>(_ => options.Profile == ActorsProfile.Local
            ? new SqliteReconciliationStore(LocalStorage.ReconciliationPath(options))
            : new PostgresReconciliationStore(options.RequirePostgres()));
        services.AddSingleton(sp => new AccountBatchReconciler(
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<IInvoiceStore>(),
            sp.GetRequiredService<BalancesProjectionReader>(),
            sp.GetRequiredService<IReconciliationStore>(),
            sp.GetRequiredService<PricePlanCatalog>(),
            PricePlanId.Parse(options.Invoicing.DefaultPlan),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReconciliationStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReconciliationStartup>());
    }
}
