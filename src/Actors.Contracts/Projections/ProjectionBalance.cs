namespace Actors.Contracts.Projections;

/// <summary>
/// An account as the active version of the <c>balances</c> projection holds it: fast to read, and behind the account's
/// ledger by at most the projection's lag.
/// </summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id.</param>
/// <param name="BalanceMinor">Amount owed per currency in minor units (positive: the customer owes).</param>
/// <param name="Usage">Usage per meter, window and currency.</param>
/// <param name="EventCount">Billing events applied.</param>
/// <param name="LastPosition">The highest position of the account's ledger applied.</param>
/// <param name="Version">The projection version read.</param>
/// <param name="Checkpoint">That version's checkpoint when it was read: the account reflects the ledger at least up to it.</param>
[GenerateSerializer, Immutable, Alias("projections.balance")]
public sealed record ProjectionBalance(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Account,
    [property: Id(2)] Dictionary<string, long> BalanceMinor,
    [property: Id(3)] List<ProjectionUsage> Usage,
    [property: Id(4)] long EventCount,
    [property: Id(5)] long LastPosition,
    [property: Id(6)] int Version,
    [property: Id(7)] long Checkpoint);
