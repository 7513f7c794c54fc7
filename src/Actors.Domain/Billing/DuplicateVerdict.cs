namespace Actors.Domain.Billing;

/// <summary>How an event relates to the ledger row that already holds its <c>(source, seq)</c>.</summary>
public enum DuplicateVerdict
{
    /// <summary>The same event again: answer the original outcome, apply nothing.</summary>
    Duplicate,

    /// <summary>The key was used for a different event: the original stands and the caller gets a conflict error.</summary>
    Conflict,
}
