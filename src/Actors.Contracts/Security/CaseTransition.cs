namespace Actors.Contracts.Security;

/// <summary>
/// A request to move a case to <see cref="To"/>, made by <see cref="Actor"/>. <c>(Source, Seq)</c> is the idempotency
/// key within the case: a retry answers the case without a second change; the same key with another target, actor or
/// reason is a conflict.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.case-transition")]
public sealed record CaseTransition(
    [property: Id(0)] CaseStatus To,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string Source,
    [property: Id(4)] long Seq);
