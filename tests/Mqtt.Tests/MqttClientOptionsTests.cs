using Xunit;

namespace ProofOfHeat.Mqtt.Tests;

public sealed class MqttClientOptionsTests
{
    [Fact]
    public void FromUrl_MqttWithCredentials_ParsesEverything()
    {
        var options = MqttClientOptions.FromUrl("mqtt://user%40home:p%3Ass@broker.local:1884?client_id=brain");

        Assert.Equal("broker.local", options.Host);
        Assert.Equal(1884, options.Port);
        Assert.Equal("user@home", options.UserName);
        Assert.Equal("p:ss", options.Password);
        Assert.Equal("brain", options.ClientId);
        Assert.False(options.UseTls);
    }

    [Theory]
    [InlineData("mqtt://h", 1883, false)]
    [InlineData("mqtts://h", 8883, true)]
    [InlineData("mqtts://h:9999", 9999, true)]
    public void FromUrl_DefaultPorts_FollowScheme(string url, int port, bool tls)
    {
        var options = MqttClientOptions.FromUrl(url);

        Assert.Equal(port, options.Port);
        Assert.Equal(tls, options.UseTls);
        Assert.Null(options.UserName);
    }

    [Fact]
    public void FromUrl_UnknownScheme_Throws() =>
        Assert.Throws<ArgumentException>(() => MqttClientOptions.FromUrl("http://h"));

    [Fact]
    public void ToString_NeverShowsPassword()
    {
        var options = MqttClientOptions.FromUrl("mqtt://u:secret@h");

        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUser_Throws()
    {
        var options = new MqttClientOptions { Password = "x" };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
