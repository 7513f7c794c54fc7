namespace Actors.Contracts.Security;

/// <summary>
/// A fact about a principal's identity lifecycle. <c>(Source, Seq)</c> is the idempotency key within the tenant.
/// Recorded on the principal's open case when there is one, otherwise on the tenant's intake ledger only.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.identity-event")]
public abstract record IdentityEvent
{
    /// <summary>The identity provider or tool that reported it.</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>The producer's sequence number; positive.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>When it happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The user or service account concerned.</summary>
    [Id(3)] public required string Principal { get; init; }

    /// <summary>Why, when the producer says.</summary>
    [Id(4)] public string? Reason { get; init; }

    /// <summary>The event type name on the lanes and the ledgers.</summary>
    public abstract string Type { get; }
}
