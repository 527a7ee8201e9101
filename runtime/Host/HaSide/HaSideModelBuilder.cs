using ProofOfHeat.Apps.Alarm;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Safety;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// Builds the <see cref="HaSideModel"/> of a config: device ids and keys come from the apps' own constants
/// (<see cref="MqttHeatingEntities"/>, <see cref="MqttMinerEntities"/>, <see cref="AlarmPanelEntity"/>), entity ids
/// from what the brain would announce (<see cref="BrainEntities"/>).
/// </summary>
internal static class HaSideModelBuilder
{
    // The heating app keeps its id private (apps/Heating/HeatingModule.cs); it is the `apps:` key users write.
    private const string HeatingAppId = "heating";

    /// <summary>The model of <paramref name="options"/> with the apps of <paramref name="catalog"/>.</summary>
    public static HaSideModel Build(BrainOptions options, AppCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        var brain = BrainEntities.For(options, catalog);
        var heating = (Options<HeatingOptions>(options, HeatingAppId) ?? new HeatingOptions()).AsZones();
        var fleet = Options<MinerFleetOptions>(options, MinerFleetApp.AppId);
        var safety = Options<SafetyOptions>(options, SafetyApp.AppId);
        var alarm = Options<AlarmOptions>(options, AlarmApp.AppId);

        var zones = heating.Zones
            .Select((z, i) => new ZoneView(
                z.Id,
                z.DisplayName,
                RussianNames.Zone(z.Name, z.Id, i + 1),
                brain.EntityId(MqttHeatingEntities.ZoneDeviceId(z.Id), MqttHeatingEntities.ClimateKey),
                z.RoomTemperatureEntity))
            .ToList();
        var miners = (fleet?.MinersWithUsableIds() ?? []).Select((m, i) => Miner(brain, m, i + 1, heating, zones)).ToList();
        var alarmPanel = brain.Find(AlarmPanelEntity.DeviceId, AlarmPanelEntity.Key);
        var valves = (safety?.Leak?.Valves ?? []).Concat(safety?.Gas?.Valves ?? []).Distinct(StringComparer.Ordinal).ToList();
        var prices = heating.Prices;
        var model = new HaSideModel
        {
            Zones = zones,
            PresetModes = HeatingPresetNames.All,
            ProfileSelect = brain.Find(MqttHeatingEntities.HeatingDeviceId, MqttHeatingEntities.ProfileKey)?.EntityId,
            // As the heating app declares its select: the configured profiles, else the default one.
            Profiles = zones.Count == 0 ? [] : heating.Profiles is { Count: > 0 } configured ? [.. configured.Select(p => p.Name)] : [HeatingProfile.Default(heating.ComfortTarget).Name],
            OutdoorSensor = heating.OutdoorTemperatureEntity,
            PriceSensor = prices.Entity,
            PriceMultiplier = prices.Multiplier,
            PriceAdder = prices.Adder,
            Tariff = [.. prices.Static.Where(r => r.Days == "daily").Select(r => new TariffRateView(r.From, r.To, r.Price))],
            FlatPrice = prices.FlatPrice,
            HomeSources = [.. heating.Sources.Where(s => s.Kind is not (HeatSourceKind.Fleet or HeatSourceKind.Driver)).Select(s => new KeyValuePair<string, string>(s.Id, s.Entity))],
            Miners = miners,
            Currency = fleet?.Currency ?? "USD",
            Alarm = alarmPanel?.EntityId,
            AlarmStates = alarm is null ? [] : [.. alarm.Modes.Keys.Select(m => "arm_" + m.ToString().ToLowerInvariant())],
            LeakSensors = safety?.Leak?.Sensors ?? [],
            GasSensors = safety?.Gas?.Sensors ?? [],
            SmokeSensors = safety?.Smoke?.Sensors ?? [],
            Valves = valves,
            GasValves = safety?.Gas?.Valves ?? [],
            AlarmArmsWithoutCode = alarm is not null && (!alarm.HasCode || !alarm.CodeArmRequired),
            MainMeter = safety?.Overload?.Meter,
            MainMeterLimitWatts = safety?.Overload?.LimitWatts,
            BrainEntities = brain.All,
        };
        return model with { HomeEntities = HomeEntities(model) };
    }

    private static MinerView Miner(BrainEntities brain, FleetMinerOptions miner, int number, HeatingOptions heating, List<ZoneView> zones)
    {
        var device = MqttMinerEntities.DeviceId(miner.Id);
        // Alice's room: the miner's area, else the zone whose sources name the miner (its heat warms that room).
        var zone = heating.Zones.Select((z, i) => (z, i)).FirstOrDefault(x => x.z.Sources.Contains(miner.Id, StringComparer.Ordinal));
        var room = RussianNames.Room(miner.Area, null) ?? (zone.z is null ? null : zones[zone.i].RussianName);
        return new MinerView(
            miner.Id,
            miner.DisplayName,
            RussianNames.IsCyrillic(miner.Name) ? miner.Name.Trim() : $"Майнер {number}",
            room,
            brain.EntityId(device, MqttMinerEntities.ActiveKey),
            brain.EntityId(device, MqttMinerEntities.PowerLimitKey),
            brain.EntityId(device, "hashrate"),
            brain.EntityId(device, "power"),
            brain.EntityId(device, "temperature"),
            brain.EntityId(device, "efficiency"),
            brain.EntityId(device, "revenue"),
            brain.EntityId(device, "status"));
    }

    private static IReadOnlyList<string> HomeEntities(HaSideModel model) =>
    [
        .. model.Zones.Select(z => z.RoomSensor).Concat(model.HomeSources.Select(s => s.Value))
            .Concat(model.LeakSensors).Concat(model.GasSensors).Concat(model.SmokeSensors).Concat(model.Valves)
            .Concat(new[] { model.OutdoorSensor, model.PriceSensor, model.MainMeter }.OfType<string>())
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Distinct(StringComparer.Ordinal),
    ];

    private static T? Options<T>(BrainOptions options, string appId)
        where T : class => options.Apps.GetValueOrDefault(appId)?.Options as T;
}
