using System.Security.Cryptography.X509Certificates;
using Actors.Gateway.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Actors.Gateway.Hosting;

/// <summary>Kestrel settings from <see cref="GatewayOptions"/>: the body limit, and HTTPS with optional client certificates (mutual TLS).</summary>
public static class GatewayKestrel
{
    /// <summary>Applies <paramref name="options"/> to <paramref name="kestrel"/>.</summary>
    public static void Configure(KestrelServerOptions kestrel, GatewayOptions options)
    {
        kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        kestrel.AddServerHeader = false;
        var tls = options.Tls;
        if (!tls.Enabled)
        {
            return;
        }
        var server = X509Certificate2.CreateFromPemFile(tls.CertificateFile!, tls.KeyFile);
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ServerCertificate = server;
            if (!tls.RequireClientCertificate)
            {
                return;
            }
            var authority = X509CertificateLoader.LoadCertificateFromFile(tls.ClientCaFile!);
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => ChainsTo(certificate, authority);
        });
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="authority"/> alone (the machine's trust store is not consulted).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // Development CAs publish no revocation lists; a private CA's certificates are revoked by rotating the CA file.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
