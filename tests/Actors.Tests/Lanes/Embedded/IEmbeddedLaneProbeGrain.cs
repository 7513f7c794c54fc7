namespace Actors.Tests.Lanes.Embedded;

/// <summary>A lane consumer for tests: one activation per probe stream key, fed by implicit subscriptions on both lanes.</summary>
public interface IEmbeddedLaneProbeGrain : IGrainWithStringKey
{
}
