using Actors.Contracts.Transport;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Actors.Hosting;

/// <summary>Turns <see cref="ActorsTlsOptions"/> into Orleans' TLS on silo, gateway and outbound silo connections.</summary>
public static class TlsHosting
{
    /// <summary>
    /// In the <c>cluster</c> profile with a certificate configured: every silo and gateway connection is TLS, peers must chain
    /// to <see cref="ActorsTlsOptions.CaFile"/>, and (unless <see cref="ActorsTlsOptions.Required"/> is false) must present a
    /// certificate. Does nothing in the <c>local</c> profile or without a certificate.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the certificate or CA file is missing or unreadable.</exception>
    public static ISiloBuilder AddActorsTls(this ISiloBuilder builder, ActorsSiloOptions options)
    {
        var tls = options.Tls;
        if (options.Profile != ActorsProfile.Cluster || !tls.Enabled)
        {
            return builder;
        }

        var certificate = LoadCertificate(tls);
        var trust = string.IsNullOrWhiteSpace(tls.CaFile)
            ? throw new InvalidOperationException(
                "Actors:Tls:CertificateFile is set but Actors:Tls:CaFile is not: peers can only be verified against the cluster's CA.")
            : LoadAuthorities(tls.CaFile);
        var peerMode = tls.Required ? RemoteCertificateMode.RequireCertificate : RemoteCertificateMode.AllowCertificate;
        return builder.UseTls(certificate, o =>
        {
            o.RemoteCertificateMode = peerMode;
            // The silo dials other silos as a TLS client: its certificate must go along, or they would refuse it.
            o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.RemoteCertificateValidation = trust.Validate;
            o.HandshakeTimeout = tls.HandshakeTimeout;
        });
    }

    private static X509Certificate2 LoadCertificate(ActorsTlsOptions tls)
    {
        var path = tls.CertificateFile!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Actors:Tls:CertificateFile '{path}' does not exist.");
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException unreadable)
        {
            throw new InvalidOperationException(
                $"Actors:Tls:CertificateFile '{path}' could not be read as PKCS#12 (wrong Actors:Tls:CertificatePassword?): {unreadable.Message}",
                unreadable);
        }
    }

    // The silo reports configuration it cannot use as InvalidOperationException naming the setting (Program turns that
    // into a one-line error and exit code 2).
    private static CertificateAuthorityTrust LoadAuthorities(string caFile)
    {
        try
        {
            return CertificateAuthorityTrust.FromPemFile(caFile);
        }
        catch (ArgumentException unusable)
        {
            throw new InvalidOperationException($"Actors:Tls:CaFile: {unusable.Message}", unusable);
        }
    }
}
