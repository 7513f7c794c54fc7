using Actors.Domain.Invoicing;
using Actors.Grains.Invoicing;
using Actors.Hosting.Invoicing;
using Actors.Ledger.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// Invoicing's part of the silo: the invoice store per profile (local: <c>invoices.db</c> in the data directory; cluster:
/// PostgreSQL), the price plan catalog from <see cref="InvoicingOptions.PricingDirectory"/>, and their start-up.
/// </summary>
internal static class InvoicingHosting
{
    /// <summary>The local profile's invoice file, beside the ledger's.</summary>
    public const string LocalFileName = "invoices.db";

    public static void AddActorsInvoicing(this IServiceCollection services, ActorsSiloOptions options)
    {
        var settings = options.Invoicing;
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton<IInvoiceStore>(_ => options.Profile == ActorsProfile.Local
            ? new SqliteInvoiceStore(Path.Combine(options.DataPath, LocalFileName))
            : new PostgresInvoiceStore(options.RequirePostgres()));
        services.AddSingleton(_ => PricePlanDirectory.Load(settings.PricingDirectory));
        services.AddSingleton<InvoicingStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<InvoicingStartup>());
    }
}
