namespace Actors.Ledger.Projections;

/// <summary>One version of a projection, as <c>projection_checkpoints</c> records it.</summary>
/// <param name="Version">The version number (its tables are suffixed <c>_v{Version}</c>).</param>
/// <param name="LogicVersion">
/// The projection logic that built it (<see cref="BalanceEffect.LogicVersion"/> at the time); versions created before logic
/// versions were recorded read as <see cref="BalanceEffect.UnrecordedLogicVersion"/>.
/// </param>
/// <param name="Checkpoint">The global ledger position applied up to.</param>
/// <param name="Active">Whether readers use this version.</param>
public sealed record ProjectionVersion(int Version, int LogicVersion, long Checkpoint, bool Active);
