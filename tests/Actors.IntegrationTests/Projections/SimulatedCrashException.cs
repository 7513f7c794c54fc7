namespace Actors.IntegrationTests.Projections;

/// <summary>Thrown by a test's script to stop a projection runner between two batches, as a process crash would.</summary>
internal sealed class SimulatedCrashException() : Exception("simulated crash between projection batches");
