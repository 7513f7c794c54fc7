namespace Actors.Contracts.Health;

/// <summary>One silo's evaluation of its indicators, as its <c>/healthz</c> answers it and as it reports it to the cluster.</summary>
/// <param name="Silo">The silo's address (unique in the cluster).</param>
/// <param name="SiloName">The silo's name, for people.</param>
/// <param name="Status">The worst state of <paramref name="Indicators"/> and of any indicator that could not be read.</param>
/// <param name="Reasons">Why the status is not healthy, one line per indicator over a threshold or unreadable; empty when healthy.</param>
/// <param name="Indicators">Every indicator, in <see cref="HealthIndicatorNames.All"/> order (lane indicators only when the silo has lanes).</param>
/// <param name="EvaluatedAt">When the silo evaluated it.</param>
/// <param name="ValidFor">How long the report stands for the silo: after it, a silo that sent nothing newer is considered gone.</param>
[GenerateSerializer, Immutable, Alias("health.silo-report")]
public sealed record SiloHealthReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] string SiloName,
    [property: Id(2)] HealthState Status,
    [property: Id(3)] IReadOnlyList<string> Reasons,
    [property: Id(4)] IReadOnlyList<HealthIndicator> Indicators,
    [property: Id(5)] DateTimeOffset EvaluatedAt,
    [property: Id(6)] TimeSpan ValidFor);
