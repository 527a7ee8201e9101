using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Configuration;

/// <summary>URLs in the config: no silent default port, credentials used or refused, never shown.</summary>
public sealed class ConfigUrlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:")]
    [InlineData("ws://ha.local:/api/websocket")]
    public void Load_HaUrlWithEmptyPort_IsAConfigError(string url)
    {
        var errors = LoadErrors(null, new() { ["POH_HA_URL"] = url, ["POH_HA_TOKEN"] = "t" });

        var error = Assert.Single(errors);
        Assert.Equal("homeassistant.url", error.KeyPath);
        Assert.Equal("environment POH_HA_URL", error.Location.Source);
        Assert.Contains("port after `:` is missing", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MqttUrlWithEmptyPortInFile_IsAnErrorWithItsLine()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: \"mqtt://broker:\"\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:2:8", error.Location.ToString());
    }

    [Fact]
    public void Load_HaUrlWithPassword_IsRefusedWithoutShowingIt()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: http://admin:hunter2@ha.local:8123\n  token: abc\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal("homeassistant.url", error.KeyPath);
        Assert.Equal(2, error.Location.Line);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("***@ha.local", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadUrlWithPassword_DoesNotShowThePasswordInTheError()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: mqtt://u:hunter2@broker:99999999\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MqttUrlWithCredentials_IsAcceptedAndThePasswordIsASecret()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: mqtt://poh:s%40cret@127.0.0.1:1883\n");

        var config = ConfigLoader.Load(Request(file, null));

        Assert.Contains("s@cret", config.SecretValues);
        Assert.Contains("s%40cret", config.SecretValues);
        var broker = new MqttBroker(config.Options.Mqtt!.Url, config.Options.Mqtt.Username, config.Options.Mqtt.Password, "config");
        Assert.Equal("poh", broker.Username);
        Assert.Equal("s@cret", broker.Password);
        Assert.Equal(string.Empty, broker.Url.UserInfo);
        Assert.DoesNotContain("cret", broker.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MqttCredentialsInUrlAndKeys_IsAConfigError()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: mqtt://a:b@127.0.0.1:1883\n  username: c\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal("mqtt.url", error.KeyPath);
        Assert.Contains("either in the URL", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void MqttBroker_ExplicitCredentials_WinOverTheUrls()
    {
        var broker = new MqttBroker(new Uri("mqtt://a:b@host:1883"), "user", "pw", "config");

        Assert.Equal(("user", "pw"), (broker.Username, broker.Password));
        Assert.Equal(new Uri("mqtt://host:1883"), broker.Url);
    }

    [Fact]
    public void MqttBroker_UserWithoutPassword_IsUsed()
    {
        var broker = new MqttBroker(new Uri("mqtt://reader@host"), null, null, "--mqtt");

        Assert.Equal(("reader", (string?)null), (broker.Username, broker.Password));
    }

    [Fact]
    public void HomeAssistantEndpoint_DropsUserInfo()
    {
        var uri = HomeAssistantEndpoint.ToWebSocketUri(new Uri("http://u:p@ha.local:8123"));

        Assert.Equal(new Uri("ws://ha.local:8123/api/websocket"), uri);
    }

    [Theory]
    [InlineData("http://u:p@h:1/x?y#z", "http://***@h:1/x?y#z")]
    [InlineData("http://h:1/a@b", "http://h:1/a@b")]
    [InlineData("mqtt://a@b@h", "mqtt://***@h")]
    [InlineData("no scheme", "no scheme")]
    public void UrlRedaction_HidesUserInfoOnly(string url, string expected) => Assert.Equal(expected, UrlRedaction.Redact(url));

    private IReadOnlyList<ConfigError> LoadErrors(string? file, Dictionary<string, string>? env = null) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(Request(file, env))).Errors;

    private ConfigRequest Request(string? file, Dictionary<string, string>? env) => new(file, env ?? [], _dir.Path, new AppCatalog());
}
