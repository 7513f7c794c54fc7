using Orleans.Concurrency;

namespace Actors.Contracts.Billing;

/// <summary>
/// One customer account, keyed <c>tenant/account</c> (see <see cref="EntityKey"/>). Records billing events exactly once
/// on the account's ledger and answers its balance.
/// </summary>
[Alias("billing.account")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records <paramref name="billingEvent"/> and returns once it is committed to the ledger. A repeat of the same
    /// <c>(Source, Seq)</c> returns the original outcome with <c>Duplicate = true</c>; the same key with a different
    /// payload throws <see cref="Errors.ConflictException"/>; a malformed event throws <see cref="Errors.InvalidEventException"/>.
    /// </summary>
    [Alias("record")]
    Task<RecordOutcome> Record(BillingEvent billingEvent);

    /// <summary>The balance derived from every event on the ledger.</summary>
    [Alias("balance"), ReadOnly]
    Task<AccountBalance> GetBalance();

    /// <summary>Up to <paramref name="max"/> ledger rows with position ≥ <paramref name="fromPosition"/>, in order.</summary>
    [Alias("ledger"), ReadOnly]
    Task<List<LedgerRecord>> GetLedger(long fromPosition, int max);
}
