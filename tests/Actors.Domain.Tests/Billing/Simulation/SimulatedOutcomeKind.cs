namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>What the caller of the simulated grain saw.</summary>
internal enum SimulatedOutcomeKind
{
    Appended,
    Duplicate,
    Conflict,

    /// <summary>The row committed, then the silo died before applying it or answering: the caller must retry.</summary>
    Lost,
}
