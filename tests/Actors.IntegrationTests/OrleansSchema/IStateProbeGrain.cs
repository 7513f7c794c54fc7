namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>A grain whose only job is to round-trip <see cref="ProbeState"/> through ADO.NET grain storage.</summary>
public interface IStateProbeGrain : IGrainWithStringKey
{
    Task WriteAsync(string value, CancellationToken cancellationToken = default);

    Task ClearAsync(CancellationToken cancellationToken = default);

    Task<ProbeReading> ReadAsync(CancellationToken cancellationToken = default);
}
