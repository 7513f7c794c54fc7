namespace Actors.Contracts.Errors;

/// <summary>The command is not allowed in the entity's current state (e.g. acknowledging a resolved exception). Nothing was written.</summary>
[GenerateSerializer, Alias("actors.error.invalid-transition")]
public sealed class InvalidTransitionException : ActorsException
{
    public InvalidTransitionException(string message) : base(message)
    {
    }
}
