namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// A source's fallback thermostat (config <c>safe_thermostat:</c> under a source with <c>safe_state: thermostat</c>):
/// on below <see cref="Target"/> − <see cref="Hysteresis"/>, off above <see cref="Target"/> + <see cref="Hysteresis"/>,
/// unchanged between — the plain bang-bang thermostat with a dead band that mechanical room thermostats use.
/// </summary>
public sealed class SafeThermostatOptions
{
    /// <summary>The setpoint, °C.</summary>
    public double Target { get; set; } = 19;

    /// <summary>Half the dead band around <see cref="Target"/>, K.</summary>
    public double Hysteresis { get; set; } = 0.5;

    /// <summary>The power while on, W, or null for the source's top level (within its <c>max_watts</c>).</summary>
    public int? Watts { get; set; }

    /// <summary>Throws when the thermostat cannot work.</summary>
    /// <param name="what">The source, for the message.</param>
    public void Validate(string what)
    {
        if (Target is < 5 or > 30 || !double.IsFinite(Target))
        {
            throw new ArgumentException($"{what}: safe_thermostat.target must be within 5..30 °C.");
        }

        if (Hysteresis is <= 0 or > 5 || !double.IsFinite(Hysteresis))
        {
            throw new ArgumentException($"{what}: safe_thermostat.hysteresis must be above 0 and at most 5 K.");
        }

        if (Watts is <= 0)
        {
            throw new ArgumentException($"{what}: safe_thermostat.watts must be positive.");
        }
    }

    /// <summary>Whether the thermostat heats at <paramref name="room"/> °C, having heated before when <paramref name="wasOn"/>.</summary>
    /// <returns>Off when the room is unknown.</returns>
    public bool Heats(double? room, bool wasOn) => room switch
    {
        null => false,
        var r when r < Target - Hysteresis => true,
        var r when r > Target + Hysteresis => false,
        _ => wasOn,
    };
}
