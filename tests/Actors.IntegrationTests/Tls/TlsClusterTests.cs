using System.Diagnostics;
using Actors.Client;
using Xunit.Abstractions;

namespace Actors.IntegrationTests.Tls;

/// <summary>Issue 6 item 8: cluster-profile silos and clients talk TLS, and only holders of a CA-signed certificate join.</summary>
[Collection(TlsClusterCollection.Name)]
public sealed class TlsClusterTests(TlsClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(3);

    // A refused client must fail at its connect deadline, not hang: the slack covers stopping the Orleans client host.
    private static readonly TimeSpan RefusalBound = RefusalTimeout + TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_tls_silos_form_one_cluster_and_a_client_with_a_ca_signed_certificate_calls_grains()
    {
        var options = cluster.ClientOptions(TimeSpan.FromSeconds(20));
        options.TlsCertificateFile = cluster.Certificates.ClientPfx;
        options.TlsCertificatePassword = cluster.Certificates.Password;
        options.TlsCaFile = cluster.Certificates.CaFile;
        await using var client = await ActorsClient.ConnectAsync(options);

        var hosts = await client.ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);

        // Enough accounts that grains activate on both silos, so calls also cross the silo-to-silo TLS connection.
        for (var account = 0; account < 10; account++)
        {
            await client.Billing.RecordUsageAsync("tls", $"acc-{account}", "meter", 1, "api", quantity: account + 1, unitPriceMinor: 10);
        }
        var balances = await Task.WhenAll(Enumerable.Range(0, 10).Select(a => client.Billing.GetBalanceAsync("tls", $"acc-{a}")));
        Assert.Equal(Enumerable.Range(1, 10).Select(q => q * 10L), balances.Select(b => b.BalanceMinor["USD"]));
    }

    [Fact]
    public async Task A_client_without_a_certificate_cannot_connect()
    {
        var options = cluster.ClientOptions(RefusalTimeout);
        options.TlsCaFile = cluster.Certificates.CaFile;

        await AssertRefusedAsync(options);
    }

    [Fact]
    public async Task A_client_with_a_self_signed_certificate_cannot_connect()
    {
        var options = cluster.ClientOptions(RefusalTimeout);
        options.TlsCertificateFile = RogueCertificates.WriteSelfSignedClientPfx(Directory.CreateTempSubdirectory("actors-rogue-").FullName, "rogue");
        options.TlsCertificatePassword = "rogue";
        options.TlsCaFile = cluster.Certificates.CaFile;

        await AssertRefusedAsync(options);
    }

    [Fact]
    public async Task A_plain_client_cannot_connect()
    {
        await AssertRefusedAsync(cluster.ClientOptions(RefusalTimeout));
    }

    [Fact]
    public async Task A_client_that_trusts_another_ca_refuses_the_silos()
    {
        var options = cluster.ClientOptions(RefusalTimeout);
        options.TlsCertificateFile = cluster.Certificates.ClientPfx;
        options.TlsCertificatePassword = cluster.Certificates.Password;
        options.TlsCaFile = RogueCertificates.WriteForeignCaPem(Directory.CreateTempSubdirectory("actors-rogue-").FullName);

        await AssertRefusedAsync(options);
    }

    private async Task AssertRefusedAsync(ActorsClientOptions options)
    {
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<ClusterUnavailableException>(async () =>
        {
            await using var client = await ActorsClient.ConnectAsync(options);
        });
        clock.Stop();
        output.WriteLine($"refused after {clock.Elapsed}: {refused.Message}");
        Assert.True(clock.Elapsed < RefusalBound, $"refusal took {clock.Elapsed}, expected under {RefusalBound}: {refused.Message}");
    }
}
