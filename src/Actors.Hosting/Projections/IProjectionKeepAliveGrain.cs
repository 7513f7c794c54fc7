namespace Actors.Hosting.Projections;

/// <summary>Keeps a projection's owner alive with a reminder, keyed by projection name (cluster profile).</summary>
[Alias("projections.keep-alive")]
internal interface IProjectionKeepAliveGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder (idempotent) and activates the owner now.</summary>
    [Alias("keep")]
    Task Keep();
}
