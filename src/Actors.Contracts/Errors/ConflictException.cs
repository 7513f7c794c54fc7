namespace Actors.Contracts.Errors;

/// <summary>
/// The idempotency key <c>(entity, source, seq)</c> was already used for a different payload.
/// Like reusing an idempotency key with another request body: the original stands, nothing was written.
/// </summary>
[GenerateSerializer, Alias("actors.error.conflict")]
public sealed class ConflictException : ActorsException
{
    public ConflictException(string entity, string source, long seq)
        : base($"{entity}: ({source}, {seq}) was already recorded with a different payload.")
    {
        Entity = entity;
        EventSource = source;
        Seq = seq;
    }

    [Id(0)] public string Entity { get; }
    [Id(1)] public string EventSource { get; }
    [Id(2)] public long Seq { get; }
}
