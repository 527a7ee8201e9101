using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Control;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// Options of the heating app (config section <c>apps.heating</c>). The app heats <see cref="Zones"/> from
/// <see cref="Sources"/> (climate entities, profiles, schedules, overrides, windows, shared sources, prices). The
/// one-zone keys (<see cref="RoomTemperatureEntity"/>, <see cref="HeaterPowerEntity"/>, <see cref="ComfortTarget"/>,
/// <see cref="PowerLevels"/>, <see cref="ZoneName"/>) are a short way to write one
/// zone with one heater: <see cref="AsZones"/> translates them, and the app runs the translation. Nothing defaults to
/// an entity id: the demo supplies its own config.
/// </summary>
public sealed class HeatingOptions
{
    /// <summary>One-zone form: the zone's name (its id is the name in lower case with <c>_</c> for other characters).</summary>
    public string ZoneName { get; set; } = "home";

    /// <summary>One-zone form: the room temperature sensor.</summary>
    public string? RoomTemperatureEntity { get; set; }

    /// <summary>The outdoor temperature sensor, or null: TPI then drops its outdoor term, and the optimiser waits for one.</summary>
    public string? OutdoorTemperatureEntity { get; set; }

    /// <summary>One-zone form: the heater's power entity, set in watts with <c>&lt;domain&gt;.set_value</c>.</summary>
    public string? HeaterPowerEntity { get; set; }

    /// <summary>The comfort target, °C: the default profile's comfort preset when no profiles are configured.</summary>
    public double ComfortTarget { get; set; } = 21;

    /// <summary>How often the app decides, and TPI's cycle (VTherm's <c>cycle_min</c>; 5–10 min for electric heat).</summary>
    public TimeSpan ControlPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest a TPI cycle may be stretched so that no on or off phase is shorter than a source's minimum on/off
    /// time (a miner's dwell); at least <see cref="ControlPeriod"/>.
    /// </summary>
    public TimeSpan TpiMaxCycle { get; set; } = TimeProportionalDrive.DefaultMaxCycle;

    /// <summary>Delay before the first decision after the app starts.</summary>
    public TimeSpan FirstDecisionAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One-zone form: the heater's power levels, W.</summary>
    public IReadOnlyList<int> PowerLevels { get; set; } = [0, 1000, 2000, 3000];

    /// <summary>TPI weight of the room error (VTherm default 0.6).</summary>
    public double TpiCoefInt { get; set; } = 0.6;

    /// <summary>TPI weight of the outdoor difference (VTherm default 0.01).</summary>
    public double TpiCoefExt { get; set; } = 0.01;

    /// <summary>A room change at least this large since the last decision triggers a decision at once, K.</summary>
    public double SignificantRoomChange { get; set; } = 0.5;

    /// <summary>With no room report for this long the sensor counts as silent (VTherm's safety delay; ours is shorter because the sensor has a heartbeat).</summary>
    public TimeSpan RoomSensorTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The zones; empty means the one-zone form above.</summary>
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

    /// <summary>Whether the options use the one-zone form (no <see cref="Zones"/>).</summary>
    public bool IsOneZoneForm => Zones is not { Count: > 0 };

    /// <summary>
    /// These options with the one-zone form written as zones: one zone (<see cref="ZoneName"/>, the room sensor, the
    /// profile <c>default</c> holding <see cref="ComfortTarget"/> all day unless profiles are configured) heated by one source <c>heater</c> of kind number (the
    /// power entity, <see cref="PowerLevels"/>, the sources' default minimum on/off times; safe state off). Options that already have zones, or lack the one-zone keys,
    /// come back as they are (<see cref="Validate"/> says what is missing).
    /// </summary>
    public HeatingOptions AsZones()
    {
        if (!IsOneZoneForm || string.IsNullOrWhiteSpace(RoomTemperatureEntity) || string.IsNullOrWhiteSpace(HeaterPowerEntity))
        {
            return this;
        }

        var zoned = (HeatingOptions)MemberwiseClone();
        zoned.Sources = [new HeatSourceOptions { Id = OneZoneSourceId, Kind = HeatSourceKind.Number, Entity = HeaterPowerEntity!, PowerLevels = PowerLevels }];
        zoned.Zones =
        [
            new HeatingZoneOptions
            {
                Id = ZoneIdOf(ZoneName),
                Name = ZoneName,
                RoomTemperatureEntity = RoomTemperatureEntity!,
                Sources = [OneZoneSourceId],
            },
        ];
        if (Profiles is not { Count: > 0 })
        {
            // The one-zone form always heated to comfort_target: a profile without a schedule keeps it so.
            var steady = HeatingProfile.Default(ComfortTarget);
            steady.Schedule = [];
            steady.DefaultPreset = "comfort";
            zoned.Profiles = [steady];
        }

        return zoned;
    }

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ControlPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstDecisionAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RoomSensorTimeout, TimeSpan.Zero);
        if (TpiMaxCycle < ControlPeriod)
        {
            throw new ArgumentException("tpi_max_cycle must be at least control_period.", nameof(TpiMaxCycle));
        }

        if (IsOneZoneForm)
        {
            ValidateOneZoneForm();
        }
        else if (HeaterPowerEntity is not null || RoomTemperatureEntity is not null)
        {
            throw new ArgumentException(
                "room_temperature_entity and heater_power_entity are the one-zone form; with zones: set, give each zone its room_temperature_entity and list the heater under sources:.");
        }

        var zoned = AsZones();
        zoned.Optimiser.Validate();
        HeatingZonesValidation.Validate(zoned);
    }

    private const string OneZoneSourceId = "heater";

    private static string ZoneIdOf(string name)
    {
        var id = new string([.. name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' ? c : '_')]);
        return id.Length == 0 ? "home" : id;
    }

    private void ValidateOneZoneForm()
    {
        if (string.IsNullOrWhiteSpace(RoomTemperatureEntity) || string.IsNullOrWhiteSpace(HeaterPowerEntity))
        {
            throw new ArgumentException(
                "heating needs zones: (each with room_temperature_entity and sources:, plus sources: to heat them), or the one-zone form: room_temperature_entity and heater_power_entity.");
        }

        if (!HeaterPowerEntity.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("heater_power_entity must be a full entity id (domain.object_id).", nameof(HeaterPowerEntity));
        }

        if (PowerLevels is null || PowerLevels.Count == 0 || PowerLevels.Any(l => l < 0))
        {
            throw new ArgumentException("At least one non-negative power level is needed.", nameof(PowerLevels));
        }
    }
}
