namespace Actors.Gateway.Tests;

/// <summary>Gateway test classes share one silo (starting one per class would cost seconds each).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayClusterCollection : ICollectionFixture<GatewayClusterFixture>
{
    public const string Name = "gateway cluster";
}
