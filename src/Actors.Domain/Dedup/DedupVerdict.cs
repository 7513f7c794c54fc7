namespace Actors.Domain.Dedup;

/// <summary>What the in-memory dedup marks know about an idempotency key <c>(source, seq)</c>.</summary>
public enum DedupVerdict
{
    /// <summary>Never seen: the event is new and may be appended.</summary>
    New,

    /// <summary>Definitely seen before: the event is a duplicate (or a conflict) of a ledger row.</summary>
    Seen,

    /// <summary>Memory can't tell, because the marks that covered it were forgotten to stay bounded; the database's unique key decides.</summary>
    Unknown,
}
