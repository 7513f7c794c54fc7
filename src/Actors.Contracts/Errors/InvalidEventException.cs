namespace Actors.Contracts.Errors;

/// <summary>The event or command is malformed (missing field, negative amount, bad id). Nothing was written.</summary>
[GenerateSerializer, Alias("actors.error.invalid")]
public sealed class InvalidEventException : ActorsException
{
    public InvalidEventException(string message) : base(message)
    {
    }
}
