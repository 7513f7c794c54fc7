using Actors.Client;

namespace Actors.IntegrationTests.Tls;

/// <summary>TLS settings the client cannot work with are refused before any connection attempt, naming what is wrong.</summary>
public sealed class ClientTlsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actors-client-tls-").FullName;

    [Fact]
    public void A_certificate_without_a_ca_file_is_refused()
    {
        var options = Options();
        options.TlsCertificateFile = Touch("client.pfx");

        var refused = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("TlsCaFile", refused.Message);
    }

    [Fact]
    public void A_missing_certificate_file_is_refused()
    {
        var options = Options();
        options.TlsCaFile = RogueCertificates.WriteForeignCaPem(_directory);
        options.TlsCertificateFile = Path.Combine(_directory, "absent.pfx");

        var refused = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("absent.pfx", refused.Message);
    }

    [Fact]
    public async Task A_wrong_certificate_password_is_refused_with_an_argument_error()
    {
        var options = Options();
        options.TlsCaFile = RogueCertificates.WriteForeignCaPem(_directory);
        options.TlsCertificateFile = RogueCertificates.WriteSelfSignedClientPfx(_directory, "right");
        options.TlsCertificatePassword = "wrong";

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ActorsClient.ConnectAsync(options));
        Assert.Contains("wrong password", refused.Message);
    }

    [Fact]
    public void No_tls_setting_means_a_plain_connection()
    {
        Assert.False(Options().TlsEnabled);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ActorsClientOptions Options() => new()
    {
        TlsCertificateFile = null,
        TlsCertificatePassword = null,
        TlsCaFile = null,
    };

    private string Touch(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "not a certificate");
        return path;
    }
}
