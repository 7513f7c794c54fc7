namespace Actors.Contracts.Security;

/// <summary>
/// The answer to recording an identity event: its key, whether it was a repeat (nothing new written), and the open case it
/// was appended to, or null when the principal had none and it went to the intake ledger only.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.identity-outcome")]
public sealed record IdentityOutcome(
    [property: Id(0)] string Source,
    [property: Id(1)] long Seq,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] string? CaseId);
