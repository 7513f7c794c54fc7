namespace Actors.Gateway.Configuration;

/// <summary>
/// The <c>Gateway:Tls</c> section: HTTPS for the listen URL and, optionally, mutual TLS. With
/// <see cref="RequireClientCertificate"/> a client must present a certificate that chains to <see cref="ClientCaFile"/>
/// before any HTTP is spoken; the bearer token is still required on top.
/// </summary>
public sealed class GatewayTlsOptions
{
    /// <summary>Server certificate (PEM); HTTPS is on when set.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The server certificate's private key (PEM).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Whether a client certificate is required (mutual TLS).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>CA certificate (PEM) that client certificates must chain to.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>Whether HTTPS is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificateFile);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (RequireClientCertificate && !Enabled)
        {
            throw new InvalidOperationException("Gateway:Tls:RequireClientCertificate needs Gateway:Tls:CertificateFile (mutual TLS is TLS).");
        }
        if (RequireClientCertificate && string.IsNullOrWhiteSpace(ClientCaFile))
        {
            throw new InvalidOperationException("Gateway:Tls:RequireClientCertificate needs Gateway:Tls:ClientCaFile to check client certificates against.");
        }
        foreach (var file in new[] { CertificateFile, KeyFile, ClientCaFile })
        {
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file))
            {
                throw new InvalidOperationException($"Gateway:Tls: file '{file}' does not exist.");
            }
        }
    }
}
