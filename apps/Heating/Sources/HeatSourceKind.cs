namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>How a heat source is commanded.</summary>
public enum HeatSourceKind
{
    /// <summary>A power entity in watts (<c>number</c>/<c>input_number</c>): <c>set_value</c>.</summary>
    Number,

    /// <summary>An on/off entity (<c>switch</c>, <c>input_boolean</c>): <c>turn_on</c>/<c>turn_off</c>.</summary>
    Switch,

    /// <summary>A climate entity (heat pump, boiler thermostat, TRV): <c>set_temperature</c> or <c>set_hvac_mode: off</c>.</summary>
    Climate,

    /// <summary>A source driven by another app (the miner fleet), through a registered <see cref="IHeatSourceCommanderFactory"/>.</summary>
    Fleet,

    /// <summary>
    /// A device spoken to in its own protocol by a heat-source driver (<see cref="HeatSourceOptions.Driver"/>: modbus,
    /// sg-ready, otgw, ems-esp), through a registered <see cref="IHeatSourceDriverFactory"/>: commands are applied
    /// idempotently and read back.
    /// </summary>
    Driver,
}
