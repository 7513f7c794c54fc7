namespace Actors.Contracts.Reconciliation;

/// <summary>Which exceptions to list; null fields match everything.</summary>
/// <param name="Status">Only this status.</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="Window">Only this window (<c>yyyy-MM</c>).</param>
/// <param name="Account">Only this account.</param>
/// <param name="AfterAccount">Only accounts after this one (ordinal), for paging.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.exception-filter")]
public sealed record ExceptionFilter(
    [property: Id(0)] ExceptionStatus? Status = null,
    [property: Id(1)] MismatchKind? Kind = null,
    [property: Id(2)] string? Window = null,
    [property: Id(3)] string? Account = null,
    [property: Id(4)] string? AfterAccount = null);
