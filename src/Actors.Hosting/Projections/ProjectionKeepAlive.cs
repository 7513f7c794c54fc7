namespace Actors.Hosting.Projections;

/// <summary>Whether owners are kept alive by a reminder: in the cluster profile, where the silo holding one can die alone.</summary>
/// <param name="ByReminder">True in the cluster profile.</param>
internal sealed record ProjectionKeepAlive(bool ByReminder);
