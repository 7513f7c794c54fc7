namespace Actors.Contracts.Security;

/// <summary>
/// A detection: rule <see cref="Rule"/> fired for a principal, a host or both. <c>(Source, Seq)</c> is the idempotency key
/// within the tenant: producers number their alerts per (tenant, source); gaps and reordering are allowed.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.alert-raised")]
public sealed record AlertRaised
{
    /// <summary>The event type name on the lanes and the ledgers.</summary>
    public const string TypeName = "AlertRaised";

    /// <summary>The detector or product that raised the alert.</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>The producer's sequence number; positive.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>When the detection happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>How bad it is.</summary>
    [Id(3)] public required AlertSeverity Severity { get; init; }

    /// <summary>The user or service account concerned; at least one of principal and host is given.</summary>
    [Id(4)] public string? Principal { get; init; }

    /// <summary>The machine concerned; at least one of principal and host is given.</summary>
    [Id(5)] public string? Host { get; init; }

    /// <summary>The detection rule that fired (e.g. <c>failed-logins</c>).</summary>
    [Id(6)] public required string Rule { get; init; }
}
