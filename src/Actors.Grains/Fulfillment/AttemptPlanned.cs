using Actors.Contracts.Fulfillment;
using Actors.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// A decision, written BEFORE any of its units are reserved: a placement that crashed mid-way finds it and re-drives the
/// same reservations instead of solving afresh, so a retried order never holds units twice.
/// </summary>
/// <param name="Attempt">1 for the first solve, then one more per re-solve.</param>
/// <param name="Status">The solver status.</param>
/// <param name="Objective">The plan's objective (sum of the three cost terms).</param>
/// <param name="ShippingCost">The shipping term of the objective.</param>
/// <param name="LatenessPenalty">The lateness term of the objective.</param>
/// <param name="SplitPenalty">The split term of the objective.</param>
/// <param name="SolveTime">Time the solver spent.</param>
/// <param name="Offers">The available-to-promise the solver was given (the decision's input besides the order).</param>
/// <param name="Allocations">The plan, with its reservation ids; empty when infeasible.</param>
/// <param name="SolverNote">Why the plan is infeasible or why the heuristic decided; null for solver plans.</param>
public sealed record AttemptPlanned(
    int Attempt,
    DecisionStatus Status,
    long Objective,
    long ShippingCost,
    long LatenessPenalty,
    long SplitPenalty,
    TimeSpan SolveTime,
    IReadOnlyList<StockOffer> Offers,
    IReadOnlyList<OrderAllocation> Allocations,
    string? SolverNote) : OrderLedgerEvent;
