namespace Actors.Domain.Security;

/// <summary>What a security decider made of a request.</summary>
public enum SecurityVerdict
{
    /// <summary>New: append <see cref="SecurityDecision{TChange}.Change"/> to the ledger, then apply it.</summary>
    Append,

    /// <summary>A repeat of <see cref="SecurityDecision{TChange}.Original"/>: answer it, write nothing.</summary>
    Duplicate,

    /// <summary>Memory has seen the key or cannot tell: read the ledger's row for it and decide again with it.</summary>
    LookUp,

    /// <summary>Malformed; <see cref="SecurityDecision{TChange}.Problem"/> says why.</summary>
    Invalid,

    /// <summary>The lifecycle forbids the move; <see cref="SecurityDecision{TChange}.Problem"/> names it.</summary>
    InvalidTransition,

    /// <summary>The case was never opened.</summary>
    NotFound,

    /// <summary>The idempotency key was used for another payload.</summary>
    Conflict,
}
