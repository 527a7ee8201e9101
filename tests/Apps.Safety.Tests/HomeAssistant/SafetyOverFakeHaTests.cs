using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Runtime;
using ProofOfHeat.Apps.Safety.Tests.Support;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Apps.Safety.Tests.HomeAssistant;

/// <summary>
/// The safety rules driven by real HA <c>state_changed</c> frames through the real WebSocket client and HA backend:
/// each rule's service calls as the fake HA received them (domain, service, entity id), read back from the state HA
/// then reports, and the rule still acting when another part fails (the alert service throws, HA refuses the notify
/// services and another device's call, another app throws).
/// </summary>
public sealed class SafetyOverFakeHaTests
{
    private const string KitchenLeak = "binary_sensor.kitchen_leak_water_leak";
    private const string MainValve = "valve.main_water";
    private const string ValveRelay = "switch.water_valve_relay";
    private const string Dishwasher = "switch.dishwasher";
    private const string GasSensor = "binary_sensor.boiler_room_gas";
    private const string GasValve = "valve.gas_main";
    private const string Boiler = "climate.boiler";
    private const string Smoke = "binary_sensor.hall_smoke";
    private const string Heater = "switch.bedroom_heater";
    private const string Fan = "fan.bathroom_extractor";
    private const string HallLight = "light.hall";
    private const string PipeTemperature = "sensor.cellar_pipe_temperature";
    private const string PipeHeater = "switch.cellar_pipe_heater";

    private static void House(FakeHomeAssistant ha)
    {
        ha.SetState(KitchenLeak, "off", new { device_class = "moisture", friendly_name = "Kitchen leak" });
        ha.SetState(MainValve, "open", new { device_class = "water", friendly_name = "Main water valve", supported_features = 3 });
        ha.SetState(ValveRelay, "on", new { friendly_name = "Water valve relay" });
        ha.SetState(Dishwasher, "on", new { friendly_name = "Dishwasher" });
        ha.SetState(GasSensor, "off", new { device_class = "gas", friendly_name = "Boiler room gas" });
        ha.SetState(GasValve, "open", new { device_class = "gas", friendly_name = "Gas valve", supported_features = 3 });
        ha.SetState(Boiler, "heat", new { hvac_modes = new[] { "off", "heat" }, current_temperature = 45.0, temperature = 55.0, friendly_name = "Boiler" });
        ha.SetState(Smoke, "off", new { device_class = "smoke", friendly_name = "Hall smoke" });
        ha.SetState(Heater, "on", new { friendly_name = "Bedroom heater" });
        ha.SetState(Fan, "on", new { friendly_name = "Bathroom extractor" });
        ha.SetState(HallLight, "off", new { supported_color_modes = new[] { "brightness" }, friendly_name = "Hall light" });
        ha.SetState(PipeTemperature, "8.5", new { device_class = "temperature", unit_of_measurement = "°C", state_class = "measurement", friendly_name = "Cellar pipe" });
        ha.SetState(PipeHeater, "off", new { friendly_name = "Cellar pipe heater" });
    }

    private static SafetyOptions Options(string valve = MainValve) => new()
    {
        Leak = new LeakOptions { Sensors = [KitchenLeak], Valves = [valve], SwitchOff = [Dishwasher] },
        Gas = new GasOptions { Sensors = [GasSensor], Valves = [GasValve], Boilers = [Boiler] },
        Smoke = new SmokeOptions { Sensors = [Smoke], SleepMiners = false, HeatSources = [Heater], Ventilation = [Fan], Lights = [HallLight] },
        Zones = [new ThermalZoneOptions { Name = "cellar_pipes", Sensor = PipeTemperature, FrostLimit = 5, Heat = [PipeHeater] }],
        Actions = new ActuationOptions { ConfirmWithin = TimeSpan.FromSeconds(5), Attempts = 2 },
    };

    [Fact]
    public async Task Leak_ClosesTheValve_WithValveCloseValve_AndSwitchesTheApplianceOff()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House);

        rig.SetBinary(KitchenLeak, "on", "moisture");

        var close = await rig.CallAsync("valve", "close_valve", MainValve);
        var off = await rig.CallAsync("switch", "turn_off", Dishwasher);
        Assert.Equal([MainValve], close.TargetEntityIds);
        Assert.Equal([Dishwasher], off.TargetEntityIds);
        await rig.ConfirmedAsync(MainValve);
        await rig.ConfirmedAsync(Dishwasher);
        await Until.TrueAsync(() => rig.Alerts.Raised.Any(a => a.Key == "safety.leak" && a.Severity == AlertSeverity.Critical), "the critical leak alert");
    }

    [Fact]
    public async Task Leak_ClosesAValveRelay_ConfiguredAsASwitch_WithSwitchTurnOff()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(valve: ValveRelay), House);

        rig.SetBinary(KitchenLeak, "on", "moisture");

        await rig.CallAsync("switch", "turn_off", ValveRelay);
        await rig.ConfirmedAsync(ValveRelay);
        Assert.DoesNotContain(rig.Server.ServiceCalls, c => c.Domain == "valve");
    }

    [Fact]
    public async Task Gas_ClosesTheGasValve_AndTurnsTheBoilerOff()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House);

        rig.SetBinary(GasSensor, "on", "gas");

        await rig.CallAsync("valve", "close_valve", GasValve);
        await rig.CallAsync("climate", "turn_off", Boiler);
        await rig.ConfirmedAsync(GasValve);
        await rig.ConfirmedAsync(Boiler);
        await Until.TrueAsync(() => rig.Alerts.Raised.Any(a => a.Key == "safety.gas" && a.Severity == AlertSeverity.Critical), "the critical gas alert");
    }

    [Fact]
    public async Task Smoke_SwitchesHeatAndVentilationOff_AndTheLightOnFull()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House);

        rig.SetBinary(Smoke, "on", "smoke");

        await rig.CallAsync("switch", "turn_off", Heater);
        await rig.CallAsync("fan", "turn_off", Fan);
        var light = await rig.CallAsync("light", "turn_on", HallLight);
        Assert.Equal(100, light.ServiceData!["brightness_pct"]!.GetValue<int>());
        await rig.ConfirmedAsync(HallLight);
        await Until.TrueAsync(() => rig.Alerts.Raised.Any(a => a.Key == "safety.smoke"), "the smoke alert");
    }

    [Fact]
    public async Task Frost_OnAPipe_SwitchesItsHeaterOn()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House);

        rig.Server.SetState(PipeTemperature, "3.5", new { device_class = "temperature", unit_of_measurement = "°C", state_class = "measurement", friendly_name = "Cellar pipe" });

        await rig.CallAsync("switch", "turn_on", PipeHeater);
        await rig.ConfirmedAsync(PipeHeater);
    }

    [Fact]
    public async Task AnUnavailableLeakSensor_ClosesNothing()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House);

        rig.SetBinary(KitchenLeak, "unavailable", "moisture");
        rig.SetBinary(Smoke, "on", "smoke");
        // Changes are handled in order: once smoke has acted, the leak sensor's unavailable state was seen before it.
        await rig.CallAsync("fan", "turn_off", Fan);

        Assert.DoesNotContain(rig.Server.ServiceCalls, c => c.Domain == "valve" || c.TargetEntityIds.Contains(Dishwasher));
    }

    [Fact]
    public async Task Leak_WhenTheAlertServiceThrows_AndTheApplianceCallFails_AndAnotherAppThrows_TheValveStillCloses()
    {
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), House, more: s => s.AddHomeApp<ThrowsOnChangeApp>());
        rig.Alerts.Throw = true;
        rig.Failing.Add(Dishwasher);

        rig.SetBinary(KitchenLeak, "on", "moisture");

        await rig.CallAsync("valve", "close_valve", MainValve);
        await rig.ConfirmedAsync(MainValve);
        // HA refused the dishwasher's call: it was tried again, and audited as failed, while the valve closed.
        await Until.TrueAsync(() => rig.Server.ServiceCalls.Count(c => c.TargetEntityIds.Contains(Dishwasher)) == 2, "the dishwasher tried twice");
        await Until.TrueAsync(() => rig.Audit.Entries.Any(e => e.Target == Dishwasher && e.Result.StartsWith("failed", StringComparison.Ordinal)), "the failure audited");
    }

    [Fact]
    public async Task Leak_WhenHaRefusesEveryNotification_TheValveStillCloses_AndTheAlertIsStillOpen()
    {
        var notify = new NotifyOptions
        {
            People = [new NotifyPerson { Name = "anna", MobileApps = ["anna_phone"], NotifyServices = ["notify.family_sms"] }],
        };
        await using var rig = await SafetyOverHaRig.StartAsync(Options(), ha =>
        {
            House(ha);
            ha.RegisterService("notify", "mobile_app_anna_phone", _ => FakeServiceOutcome.Error("home_assistant_error", "Device unreachable"));
            ha.RegisterService("persistent_notification", "create", _ => FakeServiceOutcome.Error("home_assistant_error", "Storage is full"));
        }, notify);

        rig.SetBinary(KitchenLeak, "on", "moisture");

        await rig.CallAsync("valve", "close_valve", MainValve);
        await rig.ConfirmedAsync(MainValve);
        // The notify runtime tried HA's channels, and HA refused them (notify.family_sms does not even exist).
        await rig.Server.ServiceCallAsync(c => c.Domain == "notify" && c.Service == "mobile_app_anna_phone", "the mobile app notification");
        await rig.Server.ServiceCallAsync(c => c.Domain == "persistent_notification" && c.Service == "create", "the persistent notification");
        await rig.Server.ServiceCallAsync(c => c.Domain == "notify" && c.Service == "family_sms", "the SMS notification");
        var open = Assert.Single(rig.AlertService.Open, a => a.Key == "safety.leak");
        Assert.Equal(AlertSeverity.Critical, open.Severity);
    }
}
