namespace Actors.Contracts.Reconciliation;

/// <summary>One pass of the reconciler over a tenant's accounts for one window.</summary>
/// <param name="RunId">Unique id of the run.</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="Window">The billing window (<c>yyyy-MM</c>).</param>
/// <param name="State">Running, completed or failed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
/// <param name="Cursor">The last account (ordinal order) whose check is stored; a resumed run continues after it.</param>
/// <param name="AccountsChecked">Accounts with activity in the window that were checked.</param>
/// <param name="MismatchesByKind">Mismatches found, per kind (kebab-case name).</param>
/// <param name="Error">Why it failed.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.run")]
public sealed record ReconciliationRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string Window,
    [property: Id(3)] RunState State,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? FinishedAt,
    [property: Id(6)] string? Cursor,
    [property: Id(7)] long AccountsChecked,
    [property: Id(8)] IReadOnlyDictionary<string, long> MismatchesByKind,
    [property: Id(9)] string? Error);
