namespace Actors.Contracts.Reconciliation;

/// <summary>
/// The identity of a reconciliation result: one row per account, window, price-plan version and kind. Reruns find the
/// same key and never add a second row; a correction's ledger key is derived from it.
/// </summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="Window">The billing window (<c>yyyy-MM</c>).</param>
/// <param name="Plan">The price plan and version (<c>name@version</c>): the invoice's, or the default plan when there is no invoice.</param>
/// <param name="Kind">What is wrong.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.key")]
public sealed record ReconciliationKey(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Account,
    [property: Id(2)] string Window,
    [property: Id(3)] string Plan,
    [property: Id(4)] MismatchKind Kind);
