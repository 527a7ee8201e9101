using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;

namespace ProofOfHeat.MqttEntities.Tests.Discovery;

/// <summary>Command payloads are validated per kind before they reach the app.</summary>
public sealed class CommandValidationTests
{
    [Theory]
    [InlineData("3000", true)]
    [InlineData("100", true)]
    [InlineData("3500", true)]
    [InlineData("5000", false)]
    [InlineData("99.9", false)]
    [InlineData("abc", false)]
    [InlineData("NaN", false)]
    [InlineData("", false)]
    public async Task Number_OutsideMinMaxOrNotANumber_IsRejected(string payload, bool accepted)
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);
        var number = offline.Manager.GetEntity<MqttNumber>("miner1", "power_limit");
        var received = new List<double>();
        using var subscription = number.Commands.Subscribe(received.Add);

        var outcome = number.HandleCommand("set", payload);

        Assert.Equal(accepted, outcome.Accepted);
        Assert.Equal(accepted ? 1 : 0, received.Count);
    }

    [Theory]
    [InlineData("mode/set", "heat", true)]
    [InlineData("mode/set", "cool", false)]
    [InlineData("temperature/set", "21.5", true)]
    [InlineData("temperature/set", "31", false)]
    [InlineData("temperature/set", "4.5", false)]
    [InlineData("preset/set", "eco", true)]
    [InlineData("preset/set", "none", true)]
    [InlineData("preset/set", "party", false)]
    public async Task Climate_CommandsOutsideItsConfig_AreRejected(string suffix, string payload, bool accepted)
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);
        var climate = offline.Manager.GetEntity<MqttClimate>("zone_living", "climate");
        var received = new List<string>();
        using var modes = climate.ModeCommands.Subscribe(received.Add);
        using var targets = climate.TargetTemperatureCommands.Subscribe(t => received.Add(t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var presets = climate.PresetCommands.Subscribe(received.Add);

        var outcome = climate.HandleCommand(suffix, payload);

        Assert.Equal(accepted, outcome.Accepted);
        Assert.Equal(accepted ? [payload] : [], received);
    }

    [Theory]
    [InlineData("ON", true)]
    [InlineData("OFF", true)]
    [InlineData("on", false)]
    [InlineData("1", false)]
    public async Task Switch_TakesOnlyOnOrOff(string payload, bool accepted)
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);

        Assert.Equal(accepted, offline.Manager.GetEntity<MqttSwitch>("miner1", "power_switch").HandleCommand("set", payload).Accepted);
    }

    [Fact]
    public async Task SelectAndButton_RejectUnknownPayloads()
    {
        await using var offline = new OfflineManager();
        SampleEntities.Declare(offline.Manager);
        var select = offline.Manager.GetEntity<MqttSelect>("brain", "profile");
        var button = offline.Manager.GetEntity<MqttButton>("miner1", "restart");

        Assert.True(select.HandleCommand("set", "away").Accepted);
        Assert.False(select.HandleCommand("set", "party").Accepted);
        Assert.True(button.HandleCommand("set", "PRESS").Accepted);
        Assert.False(button.HandleCommand("set", "press").Accepted);
    }

    [Fact]
    public async Task Declaration_InvalidSettings_Throw()
    {
        await using var offline = new OfflineManager();
        var device = offline.Manager.Device(new MqttDeviceInfo("d", "D"));

        Assert.Throws<ArgumentException>(() => device.Add(new MqttNumber("n") { Min = 10, Max = 5 }));
        Assert.Throws<ArgumentException>(() => device.Add(new MqttClimate("c") { Modes = ["heat", "warp"] }));
        Assert.Throws<ArgumentException>(() => device.Add(new MqttClimate("c") { PresetModes = ["none"] }));
        Assert.Throws<ArgumentException>(() => device.Add(new MqttSelect("s")));
        Assert.Throws<ArgumentException>(() => new MqttSwitch("bad key"));
    }

    [Fact]
    public async Task Declaration_SameKeyAgain_ReturnsTheFirstHandle()
    {
        await using var offline = new OfflineManager();
        var device = offline.Manager.Device(new MqttDeviceInfo("d", "D"));
        var first = device.Add(new MqttSwitch("s"));

        Assert.Same(first, device.Add(new MqttSwitch("s")));
        Assert.Throws<ArgumentException>(() => device.Add(new MqttNumber("s")));
    }
}
