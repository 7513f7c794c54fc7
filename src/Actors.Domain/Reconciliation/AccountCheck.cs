using Actors.Contracts.Reconciliation;

namespace Actors.Domain.Reconciliation;

/// <summary>The outcome of checking one account for one window.</summary>
/// <param name="HadActivity">Whether the account had events in the window or an invoice for it (only those count as checked).</param>
/// <param name="Mismatches">What disagrees, at most one per kind.</param>
public sealed record AccountCheck(bool HadActivity, IReadOnlyList<Mismatch> Mismatches);
