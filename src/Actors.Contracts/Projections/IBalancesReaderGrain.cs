using Orleans.Concurrency;

namespace Actors.Contracts.Projections;

/// <summary>
/// Reads the active version of the <c>balances</c> projection, on whichever silo takes the call (a stateless worker, so
/// dashboard reads never queue behind the projection's owner). Key: 0.
/// </summary>
[Alias("projections.balances-reader")]
public interface IBalancesReaderGrain : IGrainWithIntegerKey
{
    /// <summary>The account from the active version, or null when it has no billing events there.</summary>
    /// <exception cref="Errors.InvalidEventException">when the tenant or account id is malformed.</exception>
    [Alias("balance"), ReadOnly]
    Task<ProjectionBalance?> GetBalance(string tenant, string account);
}
