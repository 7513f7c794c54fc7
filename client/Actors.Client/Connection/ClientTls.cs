using Actors.Contracts.Transport;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Actors.Client.Connection;

/// <summary>Applies the TLS settings of <see cref="ActorsClientOptions"/> to the Orleans client's gateway connections.</summary>
internal static class ClientTls
{
    /// <summary>Makes every gateway connection TLS when <see cref="ActorsClientOptions.TlsEnabled"/>; otherwise does nothing.</summary>
    /// <exception cref="ArgumentException">when the certificate cannot be read (e.g. a wrong password) or the CA file holds no certificate.</exception>
    public static void Apply(IClientBuilder client, ActorsClientOptions options)
    {
        if (!options.TlsEnabled)
        {
            return;
        }

        var trust = CertificateAuthorityTrust.FromPemFile(options.TlsCaFile!);
        var certificate = string.IsNullOrWhiteSpace(options.TlsCertificateFile) ? null : LoadCertificate(options);
        client.UseTls(tls =>
        {
            tls.LocalCertificate = certificate;
            // Without a certificate the client still connects, encrypted; a silo that requires client certificates then
            // refuses the handshake and connecting fails with ClusterUnavailableException at the connect deadline.
            tls.ClientCertificateMode = certificate is null ? RemoteCertificateMode.NoCertificate : RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = trust.Validate;
        });
    }

    private static X509Certificate2 LoadCertificate(ActorsClientOptions options)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.TlsCertificateFile!, options.TlsCertificatePassword);
        }
        catch (CryptographicException unreadable)
        {
            throw new ArgumentException(
                $"The TLS certificate file '{options.TlsCertificateFile}' could not be read as PKCS#12 (wrong password?): {unreadable.Message}",
                unreadable);
        }
    }
}
