using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Sim;

namespace ProofOfHeat.Demo;

/// <summary>
/// The heating of the miner-farm demo: one zone, the living room, heated by the farm's three miners through
/// the fleet, planned by the optimiser against a time-of-use tariff and the hashprice. The optimiser needs
/// two days of the house's history to know it; the demo has none, so it is made here the way HA's recorder
/// would have it: two days of the same simulated house under a plain thermostat, sampled every minute.
/// </summary>
internal static class DemoHeating
{
    /// <summary>The demo's hashprice, € per TH/s per day (about the late-2025 level).</summary>
    public const double Hashprice = 0.040;

    /// <summary>How much history the demo starts with: the optimiser's default minimum and a little more.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromHours(50);

    /// <summary>The demo's tariff: cheap at night, dear in the evening peak.</summary>
    public static IReadOnlyList<TimeOfUseRate> Tariff { get; } =
    [
        new() { From = "00:00", To = "06:00", Price = 0.14 },
        new() { From = "06:00", To = "17:00", Price = 0.28 },
        new() { From = "17:00", To = "21:00", Price = 0.42 },
        new() { From = "21:00", To = "24:00", Price = 0.22 },
    ];

    /// <summary>The heating app's options for the farm: <paramref name="configured"/>'s general settings, the demo's zone, sources and prices.</summary>
    public static HeatingOptions Options(DemoMinerFarm farm, HeatingOptions? configured = null)
    {
        ArgumentNullException.ThrowIfNull(farm);
        var options = configured ?? new HeatingOptions();
        // The demo's zone replaces the one-zone form's keys; the app assumes no entity of its own.
        (options.RoomTemperatureEntity, options.HeaterPowerEntity) = (null, null);
        options.OutdoorTemperatureEntity ??= SimEntityStates.OutdoorTemperature;
        options.Zones =
        [
            new HeatingZoneOptions
            {
                Id = "living_room",
                Name = "Living room",
                RoomTemperatureEntity = SimEntityStates.RoomTemperature,
                Sources = [.. farm.Miners.Select(m => m.Id)],
            },
        ];
        options.Sources =
        [
            .. farm.Miners.Select(m =>
            {
                var spec = m.Hardware.Spec;
                return new HeatSourceOptions
                {
                    Id = m.Id,
                    Kind = HeatSourceKind.Fleet,
                    Entity = m.Id,
                    Type = HeatSourceType.Miner,
                    PowerLevels = [0, spec.MinimumPowerWatts, (spec.MinimumPowerWatts + spec.NominalPowerWatts) / 2, spec.NominalPowerWatts],
                    JoulesPerTerahash = spec.JoulesPerTerahash,
                    // The fleet's longest dwell (Braiins OS): a plan that respects it is never refused.
                    MinimumOn = TimeSpan.FromMinutes(15),
                    MinimumOff = TimeSpan.FromMinutes(15),
                };
            }),
        ];
        options.Prices = new PriceOptions { Static = Tariff, Hashprice = Hashprice };
        options.TimeZone ??= "UTC";
        return options;
    }

    /// <summary>
    /// The heating app's options for the plain simulated heater (no farm): the one-zone form on the demo house's room
    /// sensor and the heater's power limit, <paramref name="configured"/>'s general settings kept.
    /// </summary>
    public static HeatingOptions PlainOptions(HeatingOptions? configured = null)
    {
        var options = configured ?? new HeatingOptions();
        options.ZoneName = "living room";
        options.RoomTemperatureEntity = SimEntityStates.RoomTemperature;
        options.OutdoorTemperatureEntity ??= SimEntityStates.OutdoorTemperature;
        options.HeaterPowerEntity = SimEntityStates.MinerPowerLimit;
        return options;
    }

    /// <summary>
    /// <see cref="WarmUp"/> of the demo house before <paramref name="start"/> under a hysteresis thermostat on its
    /// plain simulated heater, as one history sample a minute for the zone <c>living_room</c>.
    /// </summary>
    public static InMemoryHeatingHistoryStore History(DateTimeOffset start, long seed)
    {
        var home = new SimulatedHome(new SimulatedHomeOptions { Seed = seed, Start = start - WarmUp });
        var store = new InMemoryHeatingHistoryStore();
        var heating = false;
        while (home.Now < start)
        {
            var room = home.RoomSensor.LastReading?.Value;
            var target = home.Now.Hour is >= 7 and < 22 ? 21.0 : 18.5;
            heating = room is { } r && (r < target - 0.3 || (heating && r < target + 0.3));
            home.SetMinerPower(heating ? home.Miner.Options.MaximumPower : 0);
            var at = home.Now;
            home.Step();
            store.Append("living_room", new HeatingHistorySample(at, room, home.OutdoorSensor.LastReading?.Value ?? home.OutdoorTemperature, 0, home.Miner.PowerWatts, 0));
        }

        return store;
    }
}
