using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ProofOfHeat.Mqtt.Transport;

/// <summary>Builds the broker certificate check: the system store, a private CA file, or (for tests) anything.</summary>
internal static class TlsCertificateValidator
{
    public static RemoteCertificateValidationCallback? Create(MqttClientOptions options)
    {
        if (options.TlsAllowUntrustedCertificates)
        {
#pragma warning disable CA5359 // Explicit, documented opt-in for test brokers with self-signed certificates.
            return static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        if (options.TlsCaCertificatePath is not { } path)
        {
            return null;
        }

        var authority = X509CertificateLoader.LoadCertificateFromFile(path);
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}
