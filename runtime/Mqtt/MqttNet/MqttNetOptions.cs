using MQTTnet;
using MQTTnet.Formatter;
using ProofOfHeat.Mqtt.Transport;

namespace ProofOfHeat.Mqtt.MqttNet;

/// <summary>Our options as MQTTnet's channel options (only what its low-level client reads: endpoint, TLS, framing).</summary>
internal static class MqttNetOptions
{
    public static MQTTnet.MqttClientOptions Build(MqttClientOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(options.CommunicationTimeout)
            // One write per packet instead of header and payload in two (two segments on a NoDelay socket).
            .WithoutPacketFragmentation();
        if (options.UseTls)
        {
            var validator = TlsCertificateValidator.Create(options);
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(options.Host);
                if (validator is not null)
                {
                    tls.WithCertificateValidationHandler(e => validator(e, e.Certificate, e.Chain, e.SslPolicyErrors));
                }
            });
        }

        return builder.Build();
    }
}
