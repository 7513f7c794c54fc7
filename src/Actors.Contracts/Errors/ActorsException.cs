namespace Actors.Contracts.Errors;

/// <summary>
/// Base of the typed errors the cluster returns to callers; each one means nothing was written, except
/// <see cref="StoreUnavailableException"/>, whose outcome is unknown (retry with the same key).
/// </summary>
[GenerateSerializer, Alias("actors.error")]
public abstract class ActorsException : Exception
{
    protected ActorsException(string message) : base(message)
    {
    }
}
