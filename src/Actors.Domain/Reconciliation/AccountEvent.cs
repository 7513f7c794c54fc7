using Actors.Contracts.Billing;

namespace Actors.Domain.Reconciliation;

/// <summary>A decoded row of an account's ledger.</summary>
/// <param name="Position">Position in the account's ledger.</param>
/// <param name="GlobalPosition">Position in the whole ledger (what projections checkpoint on).</param>
/// <param name="Event">The billing event.</param>
public sealed record AccountEvent(long Position, long GlobalPosition, BillingEvent Event);
