namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// What the HA-side files (dashboards, package, Alice) are rendered from: the entity ids one config makes the brain
/// publish (from <see cref="BrainEntities"/>) and the home's own entities the config names. Scriban sees the
/// properties in snake_case (<c>zones</c>, <c>miners</c>, <c>outdoor_sensor</c> …).
/// </summary>
internal sealed record HaSideModel
{
    /// <summary>The heating zones.</summary>
    public IReadOnlyList<ZoneView> Zones { get; init; } = [];

    /// <summary>The preset modes each zone's climate offers.</summary>
    public IReadOnlyList<string> PresetModes { get; init; } = [];

    /// <summary>The heating profile select (a brain entity), or null.</summary>
    public string? ProfileSelect { get; init; }

    /// <summary>The heating profiles' names.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>The home's outdoor temperature sensor named by the config, or null.</summary>
    public string? OutdoorSensor { get; init; }

    /// <summary>The home's electricity price sensor named by the config, or null (then the static tariff).</summary>
    public string? PriceSensor { get; init; }

    /// <summary>The price sensor's multiplier and adder (config <c>prices.multiplier</c>, <c>prices.adder</c>).</summary>
    public double PriceMultiplier { get; init; } = 1;

    /// <summary>Added to the price sensor's value.</summary>
    public double PriceAdder { get; init; }

    /// <summary>The daily time-of-use rates, when the config gives a static tariff.</summary>
    public IReadOnlyList<TariffRateView> Tariff { get; init; } = [];

    /// <summary>The flat price used outside every rate.</summary>
    public double FlatPrice { get; init; } = 0.30;

    /// <summary>The home's own heat sources the heating commands (number, switch, climate entities), by source id.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HomeSources { get; init; } = [];

    /// <summary>The miners.</summary>
    public IReadOnlyList<MinerView> Miners { get; init; } = [];

    /// <summary>The currency of revenue and prices.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The alarm panel (a brain entity), or null.</summary>
    public string? Alarm { get; init; }

    /// <summary>The alarm panel's arm states (<c>arm_home</c> …).</summary>
    public IReadOnlyList<string> AlarmStates { get; init; } = [];

    /// <summary>The home's leak sensors the safety app watches.</summary>
    public IReadOnlyList<string> LeakSensors { get; init; } = [];

    /// <summary>The home's gas sensors the safety app watches.</summary>
    public IReadOnlyList<string> GasSensors { get; init; } = [];

    /// <summary>The home's smoke sensors the safety app watches.</summary>
    public IReadOnlyList<string> SmokeSensors { get; init; } = [];

    /// <summary>The home's valves the safety app closes (water and gas).</summary>
    public IReadOnlyList<string> Valves { get; init; } = [];

    /// <summary>The home's gas valves among <see cref="Valves"/>.</summary>
    public IReadOnlyList<string> GasValves { get; init; } = [];

    /// <summary>Whether arming the alarm needs no code (Alice may then arm it).</summary>
    public bool AlarmArmsWithoutCode { get; init; }

    /// <summary>The home's main power meter (overload), or null.</summary>
    public string? MainMeter { get; init; }

    /// <summary>The main fuse's limit the safety app sheds against (W), or null.</summary>
    public double? MainMeterLimitWatts { get; init; }

    /// <summary>Every entity the brain publishes for this config.</summary>
    public IReadOnlyList<HaEntity> BrainEntities { get; init; } = [];

    /// <summary>The home's own entities this config names (the ones the templates may use besides the brain's).</summary>
    public IReadOnlyList<string> HomeEntities { get; init; } = [];
}
