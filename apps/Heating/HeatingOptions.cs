using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// Options of the heating app (config section <c>apps.heating</c>). The defaults drive the demo
/// home: one living-room zone heated by one miner through its power-limit number. With
/// <see cref="Zones"/> set, the app runs every zone instead (climate entities, profiles,
/// schedules, overrides, windows, shared sources, prices) and the single-zone keys
/// (<see cref="ZoneName"/>, <see cref="RoomTemperatureEntity"/>, <see cref="HeaterPowerEntity"/>,
/// <see cref="ComfortTarget"/>, <see cref="PowerLevels"/>, <see cref="FallbackPowerWatts"/>) are not used.
/// </summary>
public sealed class HeatingOptions
{
    /// <summary>The zone's name, for logs and the decision journal.</summary>
    public string ZoneName { get; set; } = "living room";

    /// <summary>The room temperature sensor.</summary>
    public string RoomTemperatureEntity { get; set; } = "sensor.living_room_temperature";

    /// <summary>The outdoor temperature sensor (optional for the policy: without it the outdoor term is dropped).</summary>
    public string OutdoorTemperatureEntity { get; set; } = "sensor.outdoor_temperature";

    /// <summary>The heater's power entity, set in watts with <c>&lt;domain&gt;.set_value</c>.</summary>
    public string HeaterPowerEntity { get; set; } = "number.demo_miner_power_limit";

    /// <summary>The comfort target, °C.</summary>
    public double ComfortTarget { get; set; } = 21;

    /// <summary>How often the app decides (VTherm's cycle; 5–10 min for electric heat).</summary>
    public TimeSpan ControlPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delay before the first decision after the app starts.</summary>
    public TimeSpan FirstDecisionAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The heater's power levels, W.</summary>
    public IReadOnlyList<int> PowerLevels { get; set; } = [0, 1000, 2000, 3000];

    /// <summary>TPI weight of the room error (VTherm default 0.6).</summary>
    public double TpiCoefInt { get; set; } = 0.6;

    /// <summary>TPI weight of the outdoor difference (VTherm default 0.01).</summary>
    public double TpiCoefExt { get; set; } = 0.01;

    /// <summary>A room change at least this large since the last decision triggers a decision at once, K.</summary>
    public double SignificantRoomChange { get; set; } = 0.5;

    /// <summary>With no room report for this long the sensor counts as silent (VTherm's safety delay; ours is shorter because the sensor has a heartbeat).</summary>
    public TimeSpan RoomSensorTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Power used while the room sensor is silent, W: modest, so the house neither freezes nor overheats blind.</summary>
    public int FallbackPowerWatts { get; set; } = 1000;

    /// <summary>The zones; empty (the default) keeps the single-zone app above.</summary>
    public IReadOnlyList<HeatingZoneOptions> Zones { get; set; } = [];

    /// <summary>The heat sources the zones share.</summary>
    public IReadOnlyList<HeatSourceOptions> Sources { get; set; } = [];

    /// <summary>How the demands of zones sharing a source combine.</summary>
    public SourceAggregation SourceAggregation { get; set; } = SourceAggregation.Max;

    /// <summary>The profiles from config (seeded into the profile store); empty means one default profile built from <see cref="ComfortTarget"/>.</summary>
    public IReadOnlyList<HeatingProfile> Profiles { get; set; } = [];

    /// <summary>The profile to start with when the store has no choice yet, or null for the first.</summary>
    public string? ActiveProfile { get; set; }

    /// <summary>How long a target or preset set from HA holds before the schedule resumes.</summary>
    public TimeSpan OverrideTtl { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How long a boost lasts.</summary>
    public TimeSpan BoostDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far above the target the comfort band reaches, K.</summary>
    public double ComfortBandWidth { get; set; } = 1.0;

    /// <summary>The home's IANA time zone for schedules (<c>Europe/Berlin</c>), or null for the host's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Pausing zones while a window is open.</summary>
    public WindowOptions Window { get; set; } = new();

    /// <summary>The quiet-hours cap on miners.</summary>
    public NightLimitOptions NightLimit { get; set; } = new();

    /// <summary>Electricity prices and the hashprice.</summary>
    public PriceOptions Prices { get; set; } = new();

    /// <summary>The model-predictive optimiser of the zones.</summary>
    public OptimiserOptions Optimiser { get; set; } = new();

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RoomTemperatureEntity);
        ArgumentException.ThrowIfNullOrWhiteSpace(HeaterPowerEntity);
        if (!HeaterPowerEntity.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("The heater power entity must be a full entity id (domain.object_id).", nameof(HeaterPowerEntity));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ControlPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstDecisionAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RoomSensorTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(FallbackPowerWatts);
        if (PowerLevels is null || PowerLevels.Count == 0 || PowerLevels.Any(l => l < 0))
        {
            throw new ArgumentException("At least one non-negative power level is needed.", nameof(PowerLevels));
        }

        if (Zones is { Count: > 0 })
        {
            Optimiser.Validate();
            HeatingZonesValidation.Validate(this);
        }
    }
}
