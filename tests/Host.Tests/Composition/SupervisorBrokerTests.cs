using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Composition;

public sealed class SupervisorBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly FakeSupervisor _supervisor = new();
    private readonly StringWriter _error = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _supervisor.DisposeAsync();

    [Fact]
    public async Task FindAsync_AddonWithMosquittoAddon_ReturnsItsBrokerAndCredentials()
    {
        _supervisor.ProvideService("mqtt", new { host = "core-mosquitto", port = 1883, ssl = false, username = "addons", password = "pw", protocol = "3.1.1" });

        var broker = await SupervisorBroker.FindAsync(Addon(), Environment(), _error, CancellationToken.None).WaitAsync(Safety);

        Assert.NotNull(broker);
        Assert.Equal(new Uri("mqtt://core-mosquitto:1883"), broker.Url);
        Assert.Equal("addons", broker.Username);
        Assert.Equal("pw", broker.Password);
        Assert.DoesNotContain("pw", broker.ToString(), StringComparison.Ordinal);
        Assert.Equal("/services/mqtt", Assert.Single(_supervisor.Requests).Path);
    }

    [Fact]
    public async Task FindAsync_NoBrokerAddon_ReturnsNullAndSaysWhyInOneLine()
    {
        var broker = await SupervisorBroker.FindAsync(Addon(), Environment(), _error, CancellationToken.None).WaitAsync(Safety);

        Assert.Null(broker);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("poh: no MQTT broker from the Supervisor", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_MqttConfigured_DoesNotAskTheSupervisor()
    {
        var options = new BrainOptions { Mqtt = new MqttOptions { Url = new Uri("mqtt://mine:1883") } };

        var broker = await SupervisorBroker.FindAsync(Addon(options), Environment(), _error, CancellationToken.None).WaitAsync(Safety);

        Assert.Null(broker);
        Assert.Empty(_supervisor.Requests);
    }

    [Fact]
    public async Task FindAsync_NotAnAddon_DoesNotAskTheSupervisor()
    {
        var config = new LoadedConfig(new BrainOptions(), null, null, false, []);

        var broker = await SupervisorBroker.FindAsync(config, Environment(), _error, CancellationToken.None).WaitAsync(Safety);

        Assert.Null(broker);
        Assert.Empty(_supervisor.Requests);
    }

    private static LoadedConfig Addon(BrainOptions? options = null) => new(options ?? new BrainOptions(), null, "/data/options.json", true, []);

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        [EnvironmentNames.SupervisorToken] = FakeSupervisor.ValidToken,
        [EnvironmentNames.SupervisorUrl] = _supervisor.BaseUri.ToString(),
    };
}
