using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>TLS against mosquitto with a certificate made in the test (CA + server certificate for 127.0.0.1).</summary>
public sealed class MqttClientTlsTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task Tls_BrokerCertificateSignedByConfiguredCa_PublishAndSubscribeOverTls()
    {
        using var authority = TestCertificateAuthority.Create("poh-test-ca");
        await using var broker = await MosquittoBroker.StartWithTlsAsync(authority);
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "tls", o =>
        {
            o.UseTls = true;
            o.TlsCaCertificatePath = broker.CaCertificatePath;
        });
        var collector = new MessageCollector();
        await client.SubscribeAsync("tls/t", collector.HandleAsync);

        var receipt = await client.PublishAsync("tls/t", "secret", MqttQualityOfService.AtLeastOnce);

        await receipt.Delivered.WaitAsync(Safety);
        Assert.Equal("secret", (await collector.NextAsync()).PayloadAsString());
    }

    [Fact]
    public async Task Tls_BrokerCertificateFromAnotherCa_RefusedAndNeverConnected()
    {
        using var authority = TestCertificateAuthority.Create("poh-test-ca");
        using var stranger = TestCertificateAuthority.Create("someone-else");
        await using var broker = await MosquittoBroker.StartWithTlsAsync(authority);
        var strangerCa = Path.Combine(Path.GetTempPath(), $"poh-stranger-{Guid.NewGuid():N}.pem");
        stranger.WriteCertificatePem(strangerCa);
        try
        {
            var logger = new RecordingLogger();
            var options = TestDefaults.Options(broker.Host, broker.Port, "tls-bad");
            options.UseTls = true;
            options.TlsCaCertificatePath = strangerCa;
            await using var client = new MqttClient(options, TimeProvider.System, logger);
            var connecting = client.ConnectAsync();

            var failure = await logger.WaitForAsync(2002);

            Assert.Contains("certificate", failure, StringComparison.OrdinalIgnoreCase);
            Assert.False(client.IsConnected);
            Assert.False(connecting.IsCompleted);
        }
        finally
        {
            File.Delete(strangerCa);
        }
    }

    [Fact]
    public async Task Tls_PlainClientAgainstTlsListener_NeverConnects()
    {
        using var authority = TestCertificateAuthority.Create("poh-test-ca");
        await using var broker = await MosquittoBroker.StartWithTlsAsync(authority);
        var logger = new RecordingLogger();
        await using var client = new MqttClient(TestDefaults.Options(broker.Host, broker.Port, "plain"), TimeProvider.System, logger);
        var connecting = client.ConnectAsync();

        await logger.WaitForAsync(2002);

        Assert.False(client.IsConnected);
        Assert.False(connecting.IsCompleted);
    }

    [Fact]
    public async Task Tls_AllowUntrusted_AcceptsSelfSignedChainWithoutCaFile()
    {
        using var authority = TestCertificateAuthority.Create("poh-test-ca");
        await using var broker = await MosquittoBroker.StartWithTlsAsync(authority);
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "tls-any", o =>
        {
            o.UseTls = true;
            o.TlsAllowUntrustedCertificates = true;
        });

        Assert.True(client.IsConnected);
    }
}
