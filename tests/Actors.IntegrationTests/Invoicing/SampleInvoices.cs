using Actors.Contracts.Invoicing;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>Invoices for store tests; every test uses a tenant of its own, so tests sharing a database never see each other's rows.</summary>
internal static class SampleInvoices
{
    // Whole microseconds: the stores keep that resolution, so an invoice written is the invoice read back.
    public static readonly DateTimeOffset IssuedAt = new(2026, 12, 1, 3, 4, 5, TimeSpan.Zero);

    public static string NewTenant() => $"t{Guid.NewGuid():N}"[..12];

    public static Invoice Of(string tenant, string account, string window = "2026-11", string plan = "standard@1", long total = 1234, long through = 7) =>
        new(tenant, account, window, plan, "USD",
            [new InvoiceLine("api", "2026-10", 3, 6), new InvoiceLine("storage", window, 100, total - 6)],
            total, through, IssuedAt.AddMicroseconds(through));
}
