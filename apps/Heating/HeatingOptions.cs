namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// Options of the heating app (config section <c>apps.heating</c>). The defaults drive the demo
/// home: one living-room zone heated by one miner through its power-limit number.
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
    }
}
