namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>The persisted state of <see cref="StateProbeGrain"/>.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string Value { get; set; } = "";

    [Id(1)]
    public int Writes { get; set; }
}
