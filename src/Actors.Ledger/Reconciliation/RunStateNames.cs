using Actors.Contracts.Reconciliation;

namespace Actors.Ledger.Reconciliation;

/// <summary>The names the reconciliation stores keep a <see cref="RunState"/> under (lower case, readable at a SQL prompt).</summary>
internal static class RunStateNames
{
    /// <summary>The stored name of <paramref name="state"/>.</summary>
    public static string Name(RunState state) => state switch
    {
        RunState.Running => "running",
        RunState.Completed => "completed",
        RunState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown run state"),
    };

    /// <summary>The state stored as <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">when no state has that name.</exception>
    public static RunState Parse(string name) => name switch
    {
        "running" => RunState.Running,
        "completed" => RunState.Completed,
        "failed" => RunState.Failed,
        _ => throw new FormatException($"'{name}' is not a reconciliation run state."),
    };
}
