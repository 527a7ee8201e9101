using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

/// <summary>The options refuse what cannot work, naming the key (the host turns the message into file:line errors).</summary>
public sealed class SafetyOptionsTests
{
    public static TheoryData<string, Action<SafetyOptions>> Broken() => new()
    {
        { "apps.safety.leak.valves", o => o.Leak = new LeakOptions { Sensors = ["binary_sensor.leak"], Valves = ["main_water"] } },
        { "apps.safety.leak.sensors", o => o.Leak = new LeakOptions { Valves = ["valve.main"] } },
        { "apps.safety.gas.valves", o => o.Gas = new GasOptions { Sensors = ["binary_sensor.gas"] } },
        { "apps.safety.smoke.unlock_doors", o => o.Smoke = new SmokeOptions { Sensors = ["binary_sensor.smoke"], UnlockDoors = true } },
        { "apps.safety.zones[cellar].heat", o => o.Zones = [new ThermalZoneOptions { Name = "cellar", Sensor = "sensor.cellar" }] },
        { "apps.safety.overload.limit_watts", o => o.Overload = new OverloadOptions { Meter = "sensor.main", Loads = [new SheddableLoadOptions { Id = "switch.a", Watts = 1 }] } },
        { "kind: `heater`", o => o.Overload = new OverloadOptions { Meter = "sensor.main", LimitWatts = 5000, Loads = [new SheddableLoadOptions { Id = "switch.a", Kind = "heater", Watts = 1 }] } },
        { "also under never_shed", o => o.Overload = new OverloadOptions { Meter = "sensor.main", LimitWatts = 5000, Loads = [new SheddableLoadOptions { Id = "switch.a", Watts = 1 }], NeverShed = ["switch.a"] } },
        { "apps.safety.actions.attempts", o => o.Actions = new ActuationOptions { Attempts = 0 } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenOptions_AreRefused_NamingTheKey(string key, Action<SafetyOptions> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var options = new SafetyOptions();
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRules_IsValid_AndWatchesNoSensor()
    {
        var options = new SafetyOptions();

        options.Validate();

        Assert.Empty(options.SafetySensors);
    }
}
