namespace Actors.Contracts.Errors;

/// <summary>
/// The database is up but refuses the write for a reason retrying will not fix by itself: it is read-only, its disk is
/// full, or the silo lacks a privilege. Nothing was written; an operator has to act. Never retried by the SDK.
/// </summary>
[GenerateSerializer, Alias("actors.error.store-refused")]
public sealed class StoreRefusedException : ActorsException
{
    public StoreRefusedException(string reason)
        : base($"the database refused the write ({reason}); nothing was written. An operator must fix the database before this succeeds.")
    {
        Reason = reason;
    }

    /// <summary>The database's own short reason (SQL state and message).</summary>
    [Id(0)] public string Reason { get; }
}
