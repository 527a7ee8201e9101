namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>One heat source that zones share (config: an item of <c>sources:</c>).</summary>
public sealed class HeatSourceOptions
{
    /// <summary>The id zones refer to.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>How it is commanded.</summary>
    public HeatSourceKind Kind { get; set; } = HeatSourceKind.Number;

    /// <summary>The entity commanded (for <see cref="HeatSourceKind.Fleet"/>, the id the fleet knows the miner by; none for <see cref="HeatSourceKind.Driver"/>).</summary>
    public string Entity { get; set; } = string.Empty;

    /// <summary>
    /// For <see cref="HeatSourceKind.Driver"/>: the driver that speaks to the device (config <c>driver</c>, e.g.
    /// <c>modbus</c>), or null.
    /// </summary>
    public string? Driver { get; set; }

    /// <summary>For a driver source: where the device is (config <c>address</c>, e.g. <c>192.0.2.5:502</c>).</summary>
    public string? Address { get; set; }

    /// <summary>For a driver source: the device's register map, a shipped map's name or a file path (config <c>map</c>), or null for the driver's default.</summary>
    public string? Map { get; set; }

    /// <summary>For a driver source: the device's unit id on a shared bus or gateway (config <c>unit</c>), or null for the map's.</summary>
    public int? Unit { get; set; }

    /// <summary>The power levels it can run at, W (a switch: 0 and its rating).</summary>
    public IReadOnlyList<int> PowerLevels { get; set; } = [0, 1000, 2000, 3000];

    /// <summary>A limit below its top level, W (a circuit, a contract), or null for none.</summary>
    public int? MaxWatts { get; set; }

    /// <summary>Whether it is a miner, whose fans the night limit keeps quiet (also implied by <see cref="Type"/> miner).</summary>
    public bool Miner { get; set; }

    /// <summary>What it is, for the optimiser: resistive (default, or miner when <see cref="Miner"/> is set), miner, heat_pump or gas_boiler.</summary>
    public HeatSourceType? Type { get; set; }

    /// <summary>Miners: efficiency at full power, J/TH (an S21 is 17.5, an S19 29.5); without it the optimiser counts no mining revenue.</summary>
    public double? JoulesPerTerahash { get; set; }

    /// <summary>Miners: the pool's fee as a fraction.</summary>
    public double PoolFee { get; set; } = 0.02;

    /// <summary>Minimum run time once started (the optimiser never plans a shorter run).</summary>
    public TimeSpan MinimumOn { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Minimum off time once stopped.</summary>
    public TimeSpan MinimumOff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// For miner firmware where a level change restarts the miner (it stops hashing while it re-tunes): once its level
    /// changed (a start included), the optimiser keeps it at that level at least this long (config <c>level_hold</c>, e.g.
    /// 30m), neither stepping nor stopping it, since the next start would be a restart too. Zero (the default) holds nothing.
    /// </summary>
    public TimeSpan LevelHold { get; set; } = TimeSpan.Zero;

    /// <summary>Whether it heats through water (heat pump, boiler), so it needs a flow temperature.</summary>
    public bool Hydronic { get; set; }

    /// <summary>
    /// A hydronic source's flow temperature setpoint (a <c>number</c>/<c>input_number</c> in °C), set to the flow the
    /// optimiser plans from its heating curve while the source runs, or null to leave the flow to the source.
    /// </summary>
    public string? FlowTemperatureEntity { get; set; }

    /// <summary>A hydronic source's own heat output sensor (W or kW), so the optimiser can learn the radiators; null without one.</summary>
    public string? HeatOutputEntity { get; set; }

    /// <summary>A hydronic source's measured flow (supply) temperature sensor, °C; with <see cref="HeatOutputEntity"/> it lets the optimiser learn the radiators.</summary>
    public string? FlowSensorEntity { get; set; }

    /// <summary>
    /// A sensor of what a HA-service source really draws, in the unit of its power levels (W, or kW by its
    /// <c>unit_of_measurement</c>), as fleet miners are read back: the optimiser then plans from the measurement, not
    /// from the command. Null trusts the command.
    /// </summary>
    public string? PowerSensorEntity { get; set; }

    /// <summary>Whether any power between the second and the last level is allowed (a modulating heat pump or boiler).</summary>
    public bool Modulating { get; set; }

    /// <summary>What the source is left at when the heating app stops (config <c>safe_state</c>: off, minimum or thermostat; default off).</summary>
    public SourceSafeState SafeState { get; set; } = SourceSafeState.Off;

    /// <summary>The power for <see cref="SourceSafeState.Minimum"/>, W, or null for the smallest non-zero power level.</summary>
    public int? SafeMinimumWatts { get; set; }

    /// <summary>The fallback thermostat for <see cref="SourceSafeState.Thermostat"/> (config <c>safe_thermostat</c>).</summary>
    public SafeThermostatOptions SafeThermostat { get; set; } = new();

    /// <summary>The power the source is left at when the heating app stops, W (a thermostat's when it cannot see the room: off).</summary>
    public int SafeWatts => SafeState switch
    {
        SourceSafeState.Minimum => SafeMinimumWatts ?? PowerLevels.Where(l => l > 0).DefaultIfEmpty(0).Min(),
        _ => 0,
    };

    /// <summary>What it is, with <see cref="Miner"/> taken into account.</summary>
    public HeatSourceType EffectiveType => Type ?? (Miner ? HeatSourceType.Miner : HeatSourceType.Resistive);

    /// <summary>Whether it is a miner, by <see cref="Miner"/> or by <see cref="Type"/>.</summary>
    public bool IsMiner => EffectiveType == HeatSourceType.Miner;

    /// <summary>Throws when the source cannot work.</summary>
    public void Validate()
    {
        var what = $"sources: '{Id}'";
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("sources: every source needs an id.");
        }

        if (Kind == HeatSourceKind.Driver || Driver is not null)
        {
            ValidateDriver(what);
        }
        else if (string.IsNullOrWhiteSpace(Entity) || (Kind != HeatSourceKind.Fleet && !Entity.Contains('.', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{what}: entity must be a full entity id (domain.object_id).");
        }

        if (PowerLevels is null || PowerLevels.Count == 0 || PowerLevels.Any(l => l < 0))
        {
            throw new ArgumentException($"{what}: at least one non-negative power level is needed.");
        }

        if (MaxWatts is < 0)
        {
            throw new ArgumentException($"{what}: max_watts cannot be negative.");
        }

        if (FlowTemperatureEntity is { } flow && !flow.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what}: flow_temperature_entity must be a full entity id (number.heat_pump_flow_setpoint).");
        }

        if (JoulesPerTerahash is <= 0)
        {
            throw new ArgumentException($"{what}: joules_per_terahash must be positive (an S21 is 17.5).");
        }

        if (PoolFee is < 0 or >= 1)
        {
            throw new ArgumentException($"{what}: pool_fee is a fraction from 0 to below 1 (2 % is 0.02).");
        }

        if (SafeMinimumWatts is < 0)
        {
            throw new ArgumentException($"{what}: safe_minimum_watts cannot be negative.");
        }

        if (SafeState == SourceSafeState.Thermostat)
        {
            (SafeThermostat ?? throw new ArgumentException($"{what}: safe_thermostat is empty.")).Validate(what);
        }

        if (MinimumOn < TimeSpan.Zero || MinimumOff < TimeSpan.Zero)
        {
            throw new ArgumentException($"{what}: minimum_on and minimum_off cannot be negative.");
        }

        if (LevelHold < TimeSpan.Zero)
        {
            throw new ArgumentException($"{what}: level_hold cannot be negative.");
        }
    }

    private void ValidateDriver(string what)
    {
        if (Kind != HeatSourceKind.Driver)
        {
            throw new ArgumentException($"{what}: driver is set, so kind must be driver (kind: driver, driver: modbus).");
        }

        if (string.IsNullOrWhiteSpace(Driver))
        {
            throw new ArgumentException($"{what}: a source of kind driver names its driver (driver: modbus, sg-ready, otgw or ems-esp).");
        }

        if (string.IsNullOrWhiteSpace(Address))
        {
            throw new ArgumentException($"{what}: a driver source needs the device's address (address: 192.0.2.5:502).");
        }

        if (Unit is < 0 or > 255)
        {
            throw new ArgumentException($"{what}: unit is a device id from 0 to 255.");
        }
    }
}
