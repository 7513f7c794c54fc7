using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.IntegrationTests.Tls;

/// <summary>make-dev-certs.sh makes certificates .NET can load, that chain to its CA, and keeps them on a second run.</summary>
public sealed class DevCertificateScriptTests : IDisposable
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly string _directory = Directory.CreateTempSubdirectory("actors-certs-").FullName;

    [Fact]
    public async Task Silo_and_client_certificates_load_with_their_keys_and_chain_to_the_dev_ca()
    {
        var certificates = await DevCertificates.MakeAsync(_directory, "pw", CancellationToken.None);

        using var silo = X509CertificateLoader.LoadPkcs12FromFile(certificates.SiloPfx, "pw");
        using var client = X509CertificateLoader.LoadPkcs12FromFile(certificates.ClientPfx, "pw");
        Assert.True(silo.HasPrivateKey);
        Assert.True(client.HasPrivateKey);
        Assert.Equal([ServerAuthentication, ClientAuthentication], Usages(silo));
        Assert.Equal([ClientAuthentication], Usages(client));
        var names = silo.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains("127.0.0.1", names.EnumerateIPAddresses().Select(a => a.ToString()));

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(certificates.CaFile);
        Assert.True(ChainsTo(silo, authorities));
        Assert.True(ChainsTo(client, authorities));
    }

    [Fact]
    public async Task A_second_run_keeps_every_file()
    {
        await DevCertificates.MakeAsync(_directory, "pw", CancellationToken.None);
        var first = Snapshot();

        var second = await DevCertificates.MakeAsync(_directory, "pw", CancellationToken.None);

        Assert.DoesNotContain("made ", second.ScriptOutput);
        Assert.Equal(first, Snapshot());
    }

    [Fact]
    public async Task A_missing_ca_makes_every_certificate_anew_so_they_chain_to_the_new_ca()
    {
        var certificates = await DevCertificates.MakeAsync(_directory, "pw", CancellationToken.None);
        File.Delete(certificates.CaFile);

        await DevCertificates.MakeAsync(_directory, "pw", CancellationToken.None);

        using var silo = X509CertificateLoader.LoadPkcs12FromFile(certificates.SiloPfx, "pw");
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(certificates.CaFile);
        Assert.True(ChainsTo(silo, authorities));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string> Snapshot() => Directory.GetFiles(_directory)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static string[] Usages(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!).ToArray();

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
