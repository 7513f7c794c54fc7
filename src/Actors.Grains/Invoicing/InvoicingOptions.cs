namespace Actors.Grains.Invoicing;

/// <summary>Invoicing settings, bound from <c>Actors:Invoicing</c>.</summary>
public sealed class InvoicingOptions
{
    /// <summary>
    /// Folder of the price plan files (<c>{name}.v{version}.json</c>). A relative path is resolved against the working
    /// directory, and when it does not exist there, against the silo's own folder.
    /// </summary>
    public string PricingDirectory { get; set; } = "cluster-config/pricing";

    /// <summary>The plan invoices are issued under when a request names none, <c>name@version</c>.</summary>
    public string DefaultPlan { get; set; } = "standard@1";

    /// <summary>Accounts per ledger and invoice query of an issuing run, and invoices per insert transaction.</summary>
    public int AccountBatchSize { get; set; } = 500;

    /// <summary>Batches an issuing run reads and writes at the same time.</summary>
    public int Parallelism { get; set; } = 4;
}
