using Actors.Domain.Invoicing;
using Actors.Ledger.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Hosting.Invoicing;

/// <summary>
/// Creates the invoice store's schema and loads the price plans before the silo takes calls, so a malformed plan file
/// stops the silo at start with the file and field named, instead of failing the first invoice.
/// </summary>
internal sealed class InvoicingStartup(IInvoiceStore store, IServiceProvider services, ILogger<InvoicingStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // After StorageStartup (First), which creates the local profile's data directory.
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(InvoicingStartup), ServiceLifecycleStage.RuntimeInitialize, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        // Resolved here rather than injected, so a malformed plan file fails this start-up stage with its own message.
        var catalog = services.GetRequiredService<PricePlanCatalog>();
        if (catalog.Plans.Count == 0)
        {
            logger.LogWarning("No price plans are loaded ({Source}); issuing invoices will fail until there are.", catalog.Source);
        }
        else
        {
            logger.LogInformation("Price plans {Plans} loaded from {Source}.",
                string.Join(", ", catalog.Plans.Select(p => p.Id)), catalog.Source);
        }
    }
}
