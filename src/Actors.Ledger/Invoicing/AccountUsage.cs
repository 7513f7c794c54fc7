using Actors.Domain.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>What invoicing reads of one account's ledger.</summary>
/// <param name="Account">The account id (without the tenant).</param>
/// <param name="LastPosition">The ledger's last position (any event type); 0 when the account has no ledger.</param>
/// <param name="Usage">Every <c>UsageRecorded</c> event of the ledger, by position.</param>
public sealed record AccountUsage(string Account, long LastPosition, IReadOnlyList<UsageItem> Usage);
