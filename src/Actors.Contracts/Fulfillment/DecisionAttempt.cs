namespace Actors.Contracts.Fulfillment;

/// <summary>
/// One solve-and-reserve attempt of an order. An attempt whose reservations were refused because stock moved is followed
/// by another with fresh stock, up to the configured number of attempts.
/// </summary>
/// <param name="Attempt">1 for the first solve, 2 for the first re-solve, ...</param>
/// <param name="Status">What the solver said about its plan.</param>
/// <param name="Objective">The plan's objective (shipping + lateness + split penalties); 0 when infeasible.</param>
/// <param name="SolveTime">Time spent deciding.</param>
/// <param name="Allocations">The plan; empty when infeasible.</param>
/// <param name="Reason">
/// Why the attempt did not place the order (infeasible, a refused or lapsed reservation), else the solver's note on how it
/// decided (why the heuristic was used); null for a solver plan that was placed.
/// </param>
[GenerateSerializer, Immutable, Alias("fulfillment.decision-attempt")]
public sealed record DecisionAttempt(
    [property: Id(0)] int Attempt,
    [property: Id(1)] DecisionStatus Status,
    [property: Id(2)] long Objective,
    [property: Id(3)] TimeSpan SolveTime,
    [property: Id(4)] IReadOnlyList<OrderAllocation> Allocations,
    [property: Id(5)] string? Reason);
