namespace Actors.Hosting;

/// <summary>
/// Transport security of the <c>cluster</c> profile (<c>Actors:Tls</c>): silo-to-silo and client-to-silo connections use TLS
/// when <see cref="CertificateFile"/> is set. The <c>local</c> profile ignores these settings and stays plain, bound to loopback.
/// </summary>
public sealed class ActorsTlsOptions
{
    /// <summary>PKCS#12 (<c>.pfx</c>) file with this silo's certificate and private key; empty means TLS is off.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Password of <see cref="CertificateFile"/>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// PEM file with the certificate authority (or authorities) that signs every silo's and client's certificate: a peer is
    /// trusted only when its certificate chains to one of these. Required when <see cref="CertificateFile"/> is set.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Whether every peer (silo or client) must present a certificate signed by the CA. Defaults to <see langword="true"/>;
    /// <see langword="false"/> still encrypts but admits clients without a certificate, which defeats "only our clients join".
    /// </summary>
    public bool Required { get; set; } = true;

    /// <summary>How long a TLS handshake may take before the connection is dropped. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a certificate is configured, i.e. whether the cluster profile runs TLS.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificateFile);
}
