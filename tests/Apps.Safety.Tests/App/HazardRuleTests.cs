using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;

namespace ProofOfHeat.Apps.Safety.Tests.App;

/// <summary>Leak, gas and smoke through the app on fake time: commands on the event path, read back, retried, escalated.</summary>
public sealed class HazardRuleTests
{
    private const string Leak = "binary_sensor.leak_kitchen";
    private const string Valve = "valve.main_water";
    private const string Dishwasher = "switch.dishwasher";

    private static SafetyOptions LeakOptions() => new()
    {
        Leak = new LeakOptions { Sensors = [Leak], Valves = [Valve], SwitchOff = [Dishwasher] },
        Actions = new ActuationOptions { ConfirmWithin = TimeSpan.FromSeconds(5), Attempts = 3 },
    };

    private static void DryHouse(SafetyHarness h)
    {
        h.Ha.SetState(Leak, "off");
        h.Ha.SetState(Valve, "open");
        h.Ha.SetState(Dishwasher, "on");
    }

    [Fact]
    public async Task Leak_ClosesTheValveAndSwitchesTheApplianceOff_OnTheEventPath_ThenAlertsCritical()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);

        h.Ha.SetState(Leak, "on", new { friendly_name = "Kitchen sink" });

        // Sent before SetState returned: nothing waited for a timer, the alert service or the log.
        Assert.Equal(1, h.CallsOf(Valve, "close_valve"));
        Assert.Equal(1, h.CallsOf(Dishwasher, "turn_off"));
        await Until.TrueAsync(() => h.Alerts.Raised.Count > 0 && h.Audit.Entries.Count(e => e.Result == "confirmed") == 2, "the alert and both confirmations");
        var alert = h.Alerts.RaisedOnce("safety.leak");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("Water leak at Kitchen sink", alert.Title);
        Assert.Contains("valve.main_water → closed", alert.Message, StringComparison.Ordinal);
        Assert.Contains(alert.Actions!, a => a.Id == SafetyApp.CloseValvesAction);
        Assert.All(h.Audit.Entries, e => Assert.Equal("app:safety", e.Actor));
        Assert.Single(h.Audit.Entries.Select(e => e.CorrelationId).Distinct());
    }

    [Fact]
    public async Task ValveThatNeverConfirms_IsSentAgain_ThenEscalatedAsCritical()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);
        h.Devices.Deaf.Add(Valve);

        h.Ha.SetState(Leak, "on");
        await h.AdvanceAsync(TimeSpan.FromSeconds(16), steps: 32);

        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.unconfirmed.valve.main_water"), "the escalation");
        Assert.Equal(3, h.CallsOf(Valve, "close_valve"));
        Assert.Equal(AlertSeverity.Critical, h.Alerts.RaisedOnce("safety.unconfirmed.valve.main_water").Severity);
        Assert.Contains(h.Audit.Entries, e => e.Target == Valve && e.Result.StartsWith("failed: not confirmed", StringComparison.Ordinal));
        Assert.Contains(h.Audit.Entries, e => e.Target == Dishwasher && e.Result == "confirmed");
    }

    [Fact]
    public async Task CallThatFails_IsRetried_AndConfirmedOnceTheDeviceAnswers()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);
        h.Devices.Failing[Valve] = new ServiceCallException("not_connected", "Home Assistant is away");

        h.Ha.SetState(Leak, "on");
        h.Devices.Failing.Clear();
        await h.AdvanceAsync(TimeSpan.FromSeconds(6));

        await Until.TrueAsync(() => h.Audit.Entries.Any(e => e.Target == Valve && e.Result == "confirmed"), "the valve confirmed");
        Assert.Equal(2, h.CallsOf(Valve, "close_valve"));
        Assert.DoesNotContain(h.Alerts.Raised, r => r.Key.StartsWith("safety.unconfirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenAlertService_DoesNotStopTheValve()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);
        h.Alerts.Throw = true;

        h.Ha.SetState(Leak, "on");

        await Until.TrueAsync(() => h.Audit.Entries.Any(e => e.Target == Valve && e.Result == "confirmed"), "the valve confirmed");
        Assert.Equal("closed", h.Ha.GetState(Valve)!.State);
    }

    [Fact]
    public async Task LeakAlreadyThereAtStart_IsActedOn()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), s =>
        {
            DryHouse(s);
            s.Ha.SetState(Leak, "on");
        });

        Assert.Equal(1, h.CallsOf(Valve, "close_valve"));
    }

    [Fact]
    public async Task AFlappingSensor_ClosesTheValveEveryTime_ButKeepsOneAlertOpen_ResolvedOnceItStaysDry()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);

        for (var flap = 1; flap <= 20; flap++)
        {
            h.Ha.SetState(Valve, "open");
            h.Ha.SetState(Leak, "on");
            h.Ha.SetState(Leak, "off");
            await h.AdvanceAsync(TimeSpan.FromSeconds(1), steps: 2);
        }

        // Every wet closed the valve at once; the alert stayed open through the flapping (each raise after the first
        // is the alert service's dedup), and nothing was resolved while the sensor kept coming back.
        Assert.Equal(20, h.CallsOf(Valve, "close_valve"));
        Assert.Empty(h.Alerts.Resolved);
        Assert.Single(h.Alerts.Open);

        await h.AdvanceAsync(SafetyAlerts.ResolveHold);
        await Until.TrueAsync(() => h.Alerts.Resolved.Count > 0, "the alert resolved once the sensor stayed dry");
        Assert.Equal(["safety.leak"], h.Alerts.Resolved);
    }

    [Fact]
    public async Task DryThenWetAgain_ClosesAgain_AndDryResolvesTheAlert()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);

        h.Ha.SetState(Leak, "on");
        h.Ha.SetState(Leak, "on", new { battery = 90 });
        h.Ha.SetState(Leak, "off");
        await h.AdvanceAsync(SafetyAlerts.ResolveHold); // a cleared cause resolves once it has stayed away
        await Until.TrueAsync(() => h.Alerts.Resolved.Contains("safety.leak"), "the alert resolved");
        h.Ha.SetState(Valve, "open"); // opened by hand
        h.Ha.SetState(Leak, "on");

        Assert.Equal(2, h.CallsOf(Valve, "close_valve"));
    }

    [Fact]
    public async Task CloseValvesPressedOnTheAlert_ClosesThemAgain()
    {
        await using var h = await SafetyHarness.StartAsync(LeakOptions(), DryHouse);
        h.Ha.SetState(Leak, "on");
        await Until.TrueAsync(() => h.Alerts.Open.Count == 1, "the alert");
        h.Ha.SetState(Valve, "open");

        h.Alerts.Press("safety.leak", SafetyApp.CloseValvesAction, "telegram:42");

        Assert.Equal(2, h.CallsOf(Valve, "close_valve"));
        Assert.Equal(1, h.CallsOf(Dishwasher, "turn_off"));
    }

    [Fact]
    public async Task Gas_ClosesTheGasValveAndSwitchesTheBoilerOff_AndHoldsOtherSwitching()
    {
        var options = new SafetyOptions
        {
            Gas = new GasOptions { Sensors = ["binary_sensor.gas"], Valves = ["valve.gas"], Boilers = ["climate.boiler"] },
            Zones = [new ThermalZoneOptions { Name = "cellar", Sensor = "sensor.cellar", FrostLimit = 5, Heat = ["switch.cellar_heater"] }],
        };
        await using var h = await SafetyHarness.StartAsync(options, s =>
        {
            s.Ha.SetState("valve.gas", "open");
            s.Ha.SetState("climate.boiler", "heat");
            s.Ha.SetState("switch.cellar_heater", "off");
        });

        h.Ha.SetState("binary_sensor.gas", "on");
        h.Ha.SetState("sensor.cellar", "3");

        Assert.Equal(1, h.CallsOf("valve.gas", "close_valve"));
        Assert.Equal(1, h.CallsOf("climate.boiler", "turn_off"));
        Assert.Equal(0, h.CallsOf("switch.cellar_heater", "turn_on"));
        Assert.Contains(h.Audit.Entries, e => e.Target == "switch.cellar_heater" && e.Result.StartsWith("refused: gas", StringComparison.Ordinal));
        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.gas" && r.Severity == AlertSeverity.Critical), "the gas alert");
    }

    [Fact]
    public async Task Gas_WithElectricalSwitchingAllowed_LetsFrostHeatOn()
    {
        var options = new SafetyOptions
        {
            Gas = new GasOptions { Sensors = ["binary_sensor.gas"], Valves = ["valve.gas"], NoElectricalSwitching = false },
            Zones = [new ThermalZoneOptions { Name = "cellar", Sensor = "sensor.cellar", FrostLimit = 5, Heat = ["switch.cellar_heater"] }],
        };
        await using var h = await SafetyHarness.StartAsync(options);

        h.Ha.SetState("binary_sensor.gas", "on");
        h.Ha.SetState("sensor.cellar", "3");

        Assert.Equal(1, h.CallsOf("switch.cellar_heater", "turn_on"));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Smoke_SleepsMinersAndStopsHeatAndAir_LightsOnFull_UnlocksOnlyWhenEnabled(bool unlock, int unlocks)
    {
        var options = new SafetyOptions
        {
            Smoke = new SmokeOptions
            {
                Sensors = ["binary_sensor.smoke_hall"], HeatSources = ["switch.heat_pump"], Ventilation = ["fan.mvhr"],
                Lights = ["light.hall"], Doors = ["lock.front_door"], UnlockDoors = unlock,
            },
        };
        await using var h = await SafetyHarness.StartAsync(options);

        h.Ha.SetState("binary_sensor.smoke_hall", "on");

        await Until.TrueAsync(() => h.Miners.Requests.Count == 2, "both miners asked to sleep");
        Assert.All(h.Miners.Requests, r => Assert.Equal("sleep", r.Command));
        Assert.Equal(1, h.CallsOf("switch.heat_pump", "turn_off"));
        Assert.Equal(1, h.CallsOf("fan.mvhr", "turn_off"));
        Assert.Equal(1, h.CallsOf("light.hall", "turn_on"));
        Assert.Equal(unlocks, h.CallsOf("lock.front_door", "unlock"));
        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.smoke" && r.Severity == AlertSeverity.Critical), "the smoke alert");
    }

    [Fact]
    public async Task MinerThatDoesNotSleepOnSmoke_IsEscalated()
    {
        var options = new SafetyOptions { Smoke = new SmokeOptions { Sensors = ["binary_sensor.smoke_hall"] } };
        await using var h = await SafetyHarness.StartAsync(options);
        h.Miners.Deferring.Add("bos_s19");

        h.Ha.SetState("binary_sensor.smoke_hall", "on");

        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.unconfirmed.miner.bos_s19"), "the escalation");
        Assert.False(h.Miners.IsOn("avalon_mini"));
    }
}
