namespace Actors.Contracts.Security;

/// <summary>
/// A read of one security case after <see cref="Version"/> changes on its ledger: its status, the highest severity of its
/// alerts, the principal and host it is about, how many alerts were correlated into it and which rules fired.
/// </summary>
[GenerateSerializer, Immutable, Alias("security.case")]
public sealed record SecurityCase(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string CaseId,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] AlertSeverity Severity,
    [property: Id(4)] string? Principal,
    [property: Id(5)] string? Host,
    [property: Id(6)] int AlertCount,
    [property: Id(7)] IReadOnlyList<string> Rules,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] long Version);
