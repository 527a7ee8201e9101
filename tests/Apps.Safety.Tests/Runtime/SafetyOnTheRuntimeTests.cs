using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;

namespace ProofOfHeat.Apps.Safety.Tests.Runtime;

/// <summary>
/// The safety app in the real app model, on Zigbee2MQTT devices through a real mosquitto: the leak closes the valve
/// with Home Assistant away, reaches HA's entities when HA is up, and is neither delayed nor stopped by apps that
/// throw or block.
/// </summary>
public sealed class SafetyOnTheRuntimeTests
{
    private const string Dishwasher = "switch.dishwasher";

    private static SafetyOptions Options(params string[] switchOff) => new()
    {
        Leak = new LeakOptions { Sensors = [Zigbee2MqttHouse.Leak], Valves = [Zigbee2MqttHouse.Valve], SwitchOff = switchOff },
        Actions = new ActuationOptions { ConfirmWithin = TimeSpan.FromSeconds(5), Attempts = 3 },
    };

    [Fact]
    public async Task Leak_WithHomeAssistantAway_ClosesTheZigbee2MqttValve_AndTheValveConfirms()
    {
        await using var house = await Zigbee2MqttHouse.StartAsync(Options(), new PrimaryHome { Up = false });
        Assert.False(house.Runtime.IsConnected);

        await house.LeakAsync();

        await Until.TrueAsync(() => house.Audit.Entries.Any(e => e.Target == Zigbee2MqttHouse.Valve && e.Result == "confirmed"), "the valve confirmed");
        var (payload, afterLeak) = Assert.Single(house.ValveCommands);
        Assert.Equal("""{"state":"OFF"}""", payload);
        Assert.True(afterLeak < TimeSpan.FromSeconds(2), $"the valve command came {afterLeak.TotalMilliseconds:F1} ms after the leak");
        Assert.Equal("closed", house.Runtime.GetState(Zigbee2MqttHouse.Valve)!.State);
        await Until.TrueAsync(() => house.Alerts.Raised.Any(r => r.Key == "safety.leak" && r.Severity == AlertSeverity.Critical), "the critical alert");
    }

    [Fact]
    public async Task Leak_WithHomeAssistantUp_AlsoSwitchesItsEntitiesOff()
    {
        var primary = new PrimaryHome { Up = true, Snapshot = [EntityState.Create(Dishwasher, "on", TimeProvider.System.GetUtcNow())] };
        await using var house = await Zigbee2MqttHouse.StartAsync(Options(Dishwasher), primary);

        await house.LeakAsync();

        await Until.TrueAsync(() => house.Audit.Entries.Count(e => e.Result == "confirmed") == 2, "valve and dishwasher confirmed");
        Assert.Single(house.ValveCommands);
        var call = Assert.Single(primary.Calls);
        Assert.Equal(("switch", "turn_off", Dishwasher), (call.Domain, call.Service, call.Target!.EntityIds![0]));
    }

    [Fact]
    public async Task Leak_WithHomeAssistantAway_TheHaApplianceIsRetriedAndEscalated_TheValveStillCloses()
    {
        var options = Options(Dishwasher);
        options.Actions = new ActuationOptions { ConfirmWithin = TimeSpan.FromMilliseconds(200), Attempts = 2 };
        await using var house = await Zigbee2MqttHouse.StartAsync(options, new PrimaryHome { Up = false });

        await house.LeakAsync();

        await Until.TrueAsync(() => house.Alerts.Raised.Any(r => r.Key == "safety.unconfirmed." + Dishwasher), "the dishwasher escalated");
        Assert.Contains(house.Audit.Entries, e => e.Target == Zigbee2MqttHouse.Valve && e.Result == "confirmed");
        Assert.Contains(house.Audit.Entries, e => e.Target == Dishwasher && e.Result.StartsWith("failed: Home Assistant is not connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppsThatThrowOrBlock_NeitherDelayNorStopTheValve()
    {
        BlocksOnChangeApp.Release.Reset();
        await using var house = await Zigbee2MqttHouse.StartAsync(Options(), new PrimaryHome { Up = false }, services =>
        {
            services.AddHomeApp<ThrowsOnChangeApp>();
            services.AddHomeApp<ThrowsAtStartApp>();
            services.AddHomeApp<BlocksOnChangeApp>();
        });
        try
        {
            Assert.Contains(house.Runtime.Apps, a => a.Id == "throws_at_start" && a.State == AppRunState.Error);

            await house.LeakAsync();

            // The blocking app is still stuck in its handler (released only below): the valve did not wait for it.
            await Until.TrueAsync(() => house.Audit.Entries.Any(e => e.Target == Zigbee2MqttHouse.Valve && e.Result == "confirmed"), "the valve confirmed");
            Assert.False(BlocksOnChangeApp.Release.IsSet);
            var (_, afterLeak) = Assert.Single(house.ValveCommands);
            Assert.True(afterLeak < TimeSpan.FromSeconds(2), $"the valve command came {afterLeak.TotalMilliseconds:F1} ms after the leak");
            Assert.Contains(house.Runtime.Apps, a => a.Id == SafetyApp.AppId && a.State == AppRunState.Running);
        }
        finally
        {
            BlocksOnChangeApp.Release.Set();
        }
    }
}
