using System.Data.Common;
using Actors.Contracts.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// An <see cref="Invoice"/> from the current row of a query that selects the invoice columns in the order both stores use:
/// tenant, account, billing_window, plan, currency, lines (JSON text), total_minor, through_position, issued_at.
/// </summary>
internal static class InvoiceRow
{
    public static Invoice Read(DbDataReader reader, TimestampColumn issuedAt) => new(
        Tenant: reader.GetString(0),
        Account: reader.GetString(1),
        Window: reader.GetString(2),
        Plan: reader.GetString(3),
        Currency: reader.GetString(4),
        Lines: InvoiceLinesJson.Deserialize(reader.GetString(5)),
        TotalMinor: reader.GetInt64(6),
        ThroughPosition: reader.GetInt64(7),
        IssuedAt: issuedAt.Read(reader, 8));
}
