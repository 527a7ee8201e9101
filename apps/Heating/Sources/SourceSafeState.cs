namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// What a source is left at when the heating app stops commanding it (switched off, stopped, disposed): config
/// <c>safe_state</c> of a source. Without it a miner stayed at its last power (~4.3 kW) and the room kept heating.
/// </summary>
public enum SourceSafeState
{
    /// <summary>Off: 0 W (a miner sleeps, a switch turns off, a climate's hvac_mode goes off).</summary>
    Off,

    /// <summary>A fixed minimum: <see cref="HeatSourceOptions.SafeMinimumWatts"/>, or the smallest non-zero power level.</summary>
    Minimum,

    /// <summary>
    /// A fallback thermostat (<see cref="HeatSourceOptions.SafeThermostat"/>): on/off with hysteresis on the room
    /// temperature of the zones it heats, run by <see cref="SafeThermostatKeeper"/> while the heating app is off; off
    /// while no room temperature is known (a thermostat cannot run blind).
    /// </summary>
    Thermostat,
}
