using Actors.Contracts.Invoicing;

namespace Actors.Domain.Invoicing;

/// <summary>
/// What <see cref="InvoiceCalculator"/> needs to know of an account's invoice issued before the one it computes: which
/// window it billed, how far into the ledger, and when (issue order breaks ties between equal through positions).
/// </summary>
/// <param name="Window">The invoice's window.</param>
/// <param name="ThroughPosition">The ledger position it was computed through.</param>
/// <param name="IssuedAt">When it was issued.</param>
public readonly record struct PriorInvoice(BillingWindow Window, long ThroughPosition, DateTimeOffset IssuedAt);
