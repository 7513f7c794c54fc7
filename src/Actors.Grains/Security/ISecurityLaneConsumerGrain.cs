namespace Actors.Grains.Security;

/// <summary>
/// The lanes' consumer of the security events about one principal or host (key <c>tenant/entity</c>, the stream's key). It
/// has no calls of its own: Orleans activates it through its implicit stream subscription.
/// </summary>
[Alias("security.lane-consumer")]
public interface ISecurityLaneConsumerGrain : IGrainWithStringKey;
