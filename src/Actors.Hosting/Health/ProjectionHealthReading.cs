namespace Actors.Hosting.Health;

/// <summary>The projections' standing, read from their owners.</summary>
/// <param name="Lag">Ledger positions the furthest-behind projection is behind the head.</param>
/// <param name="LagProjection">The projection with that lag.</param>
/// <param name="RebuildSeconds">Duration of the longest latest rebuild (so far, while it runs); 0 when none ran since its owner started.</param>
/// <param name="RebuildDetail">Which rebuild that is and its state.</param>
public sealed record ProjectionHealthReading(long Lag, string LagProjection, double RebuildSeconds, string RebuildDetail);
