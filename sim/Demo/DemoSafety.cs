using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Demo;

/// <summary>
/// The safety rules of the simulated home: a kitchen leak sensor and the main water valve, and the main meter against
/// a 10.5 kW limit with the three miners (shed first, through the fleet) and a towel heater as sheddable loads.
/// </summary>
internal static class DemoSafety
{
    /// <summary>The main fuse's limit in the demo (W).</summary>
    public const double LimitWatts = 10_500;

    /// <summary>The safety app's options for the demo.</summary>
    public static SafetyOptions Options(DemoMinerFarm? farm) => new()
    {
        Leak = new LeakOptions { Sensors = [DemoSafetyDevices.Leak], Valves = [DemoSafetyDevices.Valve], SwitchOff = [DemoSafetyDevices.Dishwasher] },
        Overload = new OverloadOptions
        {
            Meter = DemoSafetyDevices.Meter,
            LimitWatts = LimitWatts,
            MinimumOff = TimeSpan.FromMinutes(10),
            Loads =
            [
                .. (farm?.FleetOptions().Miners ?? []).Select(m => new SheddableLoadOptions { Id = m.Id, Kind = "miner", Watts = m.Id == "avalon_mini" ? 800 : 3050 }),
                new SheddableLoadOptions { Id = DemoSafetyDevices.TowelHeater, Kind = "switch", Watts = DemoSafetyDevices.TowelHeaterWatts },
            ],
        },
    };
}
