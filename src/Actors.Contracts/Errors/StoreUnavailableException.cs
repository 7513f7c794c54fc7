namespace Actors.Contracts.Errors;

/// <summary>
/// The database behind the cluster (ledger, grain state) could not be reached or dropped the connection, e.g. while it
/// restarts. Unlike the other <see cref="ActorsException"/>s the outcome is unknown: the write may have committed before the
/// answer was lost. Retrying with the same idempotency key is always safe: it is applied once or answered as a duplicate.
/// The SDK retries it like an unreachable silo.
/// </summary>
[GenerateSerializer, Alias("actors.error.store-unavailable")]
public sealed class StoreUnavailableException : ActorsException
{
    public StoreUnavailableException(string reason)
        : base($"the database is unavailable ({reason}); retry with the same idempotency key.")
    {
        Reason = reason;
    }

    /// <summary>The database's own short reason (SQL state and message, or the connection error).</summary>
    [Id(0)] public string Reason { get; }
}
