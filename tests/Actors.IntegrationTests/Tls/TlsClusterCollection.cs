namespace Actors.IntegrationTests.Tls;

/// <summary>The TLS and HTTP-authentication tests share one two-silo TLS cluster.</summary>
[CollectionDefinition(Name)]
public sealed class TlsClusterCollection : ICollectionFixture<TlsClusterFixture>
{
    public const string Name = "tls-cluster";
}
