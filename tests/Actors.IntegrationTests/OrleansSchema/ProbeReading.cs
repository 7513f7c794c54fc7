namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>What a <see cref="StateProbeGrain"/> activation holds, and which activation it is.</summary>
[GenerateSerializer]
public sealed record ProbeReading(
    [property: Id(0)] string Value,
    [property: Id(1)] int Writes,
    [property: Id(2)] string? ETag,
    [property: Id(3)] bool RecordExists,
    [property: Id(4)] Guid ActivationId);
