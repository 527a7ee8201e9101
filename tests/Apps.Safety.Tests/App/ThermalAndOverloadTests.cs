using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;

namespace ProofOfHeat.Apps.Safety.Tests.App;

/// <summary>Frost, over-temperature, overload shedding and sensor health through the app on fake time.</summary>
public sealed class ThermalAndOverloadTests
{
    private const string Cellar = "sensor.cellar_pipes";
    private const string CellarHeater = "switch.cellar_heater";
    private const string Meter = "sensor.main_power";
    private const string Towel = "switch.towel_heater";

    private static ThermalZoneOptions CellarZone() => new()
    {
        Name = "cellar", Sensor = Cellar, FrostLimit = 5, Heat = [CellarHeater], OverTemperature = 35, Sources = [CellarHeater],
    };

    private static OverloadOptions Shedding() => new()
    {
        Meter = Meter,
        LimitWatts = 5750,
        MinimumOff = TimeSpan.FromMinutes(5),
        RestoreInterval = TimeSpan.FromSeconds(30),
        Loads =
        [
            new SheddableLoadOptions { Id = Towel, Watts = 1500 },
            new SheddableLoadOptions { Id = CellarHeater, Watts = 2000 },
            new SheddableLoadOptions { Id = "avalon_mini", Kind = "miner", Watts = 800 },
            new SheddableLoadOptions { Id = "bos_s19", Kind = "miner", Watts = 3000 },
        ],
    };

    [Fact]
    public async Task Frost_HoldsTheHeatOn_WhateverSwitchesItOff_UntilTheZoneRecovers()
    {
        await using var h = await SafetyHarness.StartAsync(new SafetyOptions { Zones = [CellarZone()] }, s => s.Ha.SetState(CellarHeater, "off"));

        h.Ha.SetState(Cellar, "4.2");
        Assert.Equal(1, h.CallsOf(CellarHeater, "turn_on"));
        h.Ha.SetState(CellarHeater, "off"); // the heating app, a price, a profile: the rule puts it back
        Assert.Equal(2, h.CallsOf(CellarHeater, "turn_on"));
        h.Ha.SetState(Cellar, "6.5");
        h.Ha.SetState(CellarHeater, "off");

        Assert.Equal(2, h.CallsOf(CellarHeater, "turn_on"));
        await h.AdvanceAsync(SafetyAlerts.ResolveHold); // a cleared cause resolves once it has stayed away
        await Until.TrueAsync(() => h.Alerts.Resolved.Contains("safety.zone.cellar"), "the frost warning resolved");
        Assert.Equal(AlertSeverity.Warning, h.Alerts.RaisedOnce("safety.zone.cellar").Severity);
    }

    [Fact]
    public async Task OverTemperature_SwitchesTheZonesSourcesOff()
    {
        await using var h = await SafetyHarness.StartAsync(new SafetyOptions { Zones = [CellarZone()] }, s => s.Ha.SetState(CellarHeater, "on"));

        h.Ha.SetState(Cellar, "36");

        Assert.Equal(1, h.CallsOf(CellarHeater, "turn_off"));
        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Kind == "safety.over_temperature"), "the warning");
    }

    [Fact]
    public async Task Overload_ShedsMinersFirst_AtTheReadingItself()
    {
        await using var h = await SafetyHarness.StartAsync(new SafetyOptions { Overload = Shedding() }, s => s.Ha.SetState(Towel, "on"));
        var readAt = h.Harness.Time.GetUtcNow();

        h.Ha.SetState(Meter, "6400", new { unit_of_measurement = "W" });

        await Until.TrueAsync(() => h.Miners.Requests.Count == 1, "the miner shed");
        Assert.Equal(("avalon_mini", "sleep"), (h.Miners.Requests[0].Miner, h.Miners.Requests[0].Command));
        Assert.Equal(readAt, h.Harness.Time.GetUtcNow()); // no fake time passed: shed within the reading's own handling
        Assert.Equal(0, h.CallsOf(Towel, "turn_off"));
        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.overload"), "the overload alert");
        Assert.Contains("avalon_mini (800 W)", h.Alerts.RaisedOnce("safety.overload").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinerDeferredByItsDwellGuard_TheNextLoadIsShedInstead()
    {
        await using var h = await SafetyHarness.StartAsync(new SafetyOptions { Overload = Shedding() }, s => s.Ha.SetState(Towel, "on"));
        h.Miners.Deferring.Add("avalon_mini");

        h.Ha.SetState(Meter, "6.4", new { unit_of_measurement = "kW" });

        await Until.TrueAsync(() => h.Miners.Requests.Any(r => r.Miner == "bos_s19"), "the second miner shed");
        Assert.True(h.Miners.IsOn("avalon_mini"));
        Assert.False(h.Miners.IsOn("bos_s19"));
    }

    [Fact]
    public async Task FrostHeldHeater_IsNeverShed_ResistiveHeatersAfterMiners()
    {
        var options = new SafetyOptions { Overload = Shedding(), Zones = [CellarZone()] };
        await using var h = await SafetyHarness.StartAsync(options, s =>
        {
            s.Ha.SetState(Towel, "on");
            s.Ha.SetState(CellarHeater, "off");
        });
        h.Ha.SetState(Cellar, "3");

        h.Ha.SetState(Meter, "12000");

        await Until.TrueAsync(() => h.CallsOf(Towel, "turn_off") == 1 && h.Miners.Requests.Count == 2, "miners and the towel heater shed");
        Assert.Equal(0, h.CallsOf(CellarHeater, "turn_off"));
        Assert.Equal(AlertSeverity.Critical, h.Alerts.Raised.Last(r => r.Key == "safety.overload").Severity); // 950 W left uncovered
    }

    [Fact]
    public async Task ShedLoads_ComeBack_AfterTheMinimumOffTime_WithHysteresis_OneAtATime()
    {
        await using var h = await SafetyHarness.StartAsync(new SafetyOptions { Overload = Shedding() }, s => s.Ha.SetState(Towel, "on"));
        h.Ha.SetState(Meter, "9000");
        await Until.TrueAsync(() => h.Miners.Requests.Count == 2, "both miners shed");

        h.Ha.SetState(Meter, "1500");
        await h.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.Equal(2, h.Miners.Requests.Count);
        await h.AdvanceAsync(TimeSpan.FromMinutes(1.1)); // the restore tick at 5 min; the next is at 5.5 min
        await Until.TrueAsync(() => h.Miners.Requests.Count == 3, "the first restore");
        Assert.Equal(("bos_s19", "wake"), (h.Miners.Requests[2].Miner, h.Miners.Requests[2].Command));
        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        await Until.TrueAsync(() => h.Miners.Requests.Count == 4, "the second restore");
        Assert.Equal(("avalon_mini", "wake"), (h.Miners.Requests[3].Miner, h.Miners.Requests[3].Command));
        await h.AdvanceAsync(SafetyAlerts.ResolveHold); // a cleared cause resolves once it has stayed away
        await Until.TrueAsync(() => h.Alerts.Resolved.Contains("safety.overload"), "the overload resolved");
    }

    [Fact]
    public async Task SilentOrUnavailableSafetySensor_IsAWarning()
    {
        var options = new SafetyOptions
        {
            Leak = new LeakOptions { Sensors = ["binary_sensor.leak_bath"], Valves = ["valve.main_water"] },
            SensorHealth = new SensorHealthOptions { CheckEvery = TimeSpan.FromMinutes(1) },
        };
        await using var h = await SafetyHarness.StartAsync(options, s => s.Ha.SetState("binary_sensor.leak_bath", "unavailable"));

        await h.AdvanceAsync(TimeSpan.FromMinutes(1.1));

        await Until.TrueAsync(() => h.Alerts.Raised.Any(r => r.Key == "safety.sensor.unavailable.binary_sensor.leak_bath"), "the warning");
        Assert.Equal(AlertSeverity.Warning, h.Alerts.RaisedOnce("safety.sensor.unavailable.binary_sensor.leak_bath").Severity);
        h.Ha.SetState("binary_sensor.leak_bath", "off");
        await h.AdvanceAsync(TimeSpan.FromMinutes(1.1));
        await h.AdvanceAsync(SafetyAlerts.ResolveHold); // a cleared cause resolves once it has stayed away
        await Until.TrueAsync(() => h.Alerts.Resolved.Contains("safety.sensor.unavailable.binary_sensor.leak_bath"), "the warning resolved");
    }
}
