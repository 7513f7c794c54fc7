namespace Actors.Contracts.Errors;

/// <summary>What the call names does not exist (an exception key, a run id). Nothing was written.</summary>
[GenerateSerializer, Alias("actors.error.not-found")]
public sealed class NotFoundException : ActorsException
{
    public NotFoundException(string message) : base(message)
    {
    }
}
