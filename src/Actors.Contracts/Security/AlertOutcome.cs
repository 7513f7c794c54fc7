namespace Actors.Contracts.Security;

/// <summary>
/// The answer to raising an alert: its key, whether it was a repeat (then nothing new was written and
/// <see cref="CaseId"/> and <see cref="OpenedCase"/> are those of the original), the case it went to, whether it opened
/// that case, and the case as it stands now.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.alert-outcome")]
public sealed record AlertOutcome(
    [property: Id(0)] string Source,
    [property: Id(1)] long Seq,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] string CaseId,
    [property: Id(4)] bool OpenedCase,
    [property: Id(5)] SecurityCase Case);
