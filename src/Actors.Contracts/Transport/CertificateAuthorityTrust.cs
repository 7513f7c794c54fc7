using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Contracts.Transport;

/// <summary>
/// Accepts a silo's certificate only when it chains to the cluster's CA, ignoring the machine's trust store: a publicly
/// trusted certificate does not make a process one of our silos or clients. Silos and the SDK both use it, and this is the
/// one assembly they share.
/// </summary>
public sealed class CertificateAuthorityTrust(X509Certificate2Collection authorities)
{
    /// <summary>Loads every certificate in the PEM file <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">when the file holds no certificate.</exception>
    public static CertificateAuthorityTrust FromPemFile(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count == 0
            ? throw new ArgumentException($"The TLS CA file '{path}' holds no PEM certificate.")
            : new CertificateAuthorityTrust(authorities);
    }

    /// <summary>The <c>RemoteCertificateValidation</c> callback of Orleans' TLS options.</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? presented, SslPolicyErrors policyErrors)
    {
        // policyErrors is not consulted: it reflects the OS trust store and a host-name check, while gateways are dialled by
        // the IP addresses in the membership table and are trusted because their certificate comes from the cluster's CA.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(certificate);
    }
}
