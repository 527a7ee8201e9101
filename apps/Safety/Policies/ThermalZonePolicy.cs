using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>
/// Frost and over-temperature for one zone, with hysteresis: below the frost limit the heat is forced on until the
/// temperature is back a hysteresis above it; above the over-temperature the sources are forced off until it is a
/// hysteresis below. Nothing else enters: no price, profile, override or app switch. An unreadable temperature keeps
/// the force as it is. Pure: temperatures in, forces out.
/// </summary>
public sealed class ThermalZonePolicy(ThermalZoneOptions zone)
{
    /// <summary>The zone.</summary>
    public ThermalZoneOptions Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The force in effect.</summary>
    public ThermalForce Force { get; private set; }

    /// <summary>Decides on <paramref name="temperature"/> (°C, null when unreadable); returns the new force when it changes.</summary>
    public ThermalForce? Evaluate(double? temperature)
    {
        if (temperature is not { } t || double.IsNaN(t))
        {
            return null;
        }

        var next = Force switch
        {
            ThermalForce.Heat when t >= Zone.FrostLimit + Zone.Hysteresis => Fresh(t),
            ThermalForce.Heat => ThermalForce.Heat,
            ThermalForce.SourcesOff when t <= Zone.OverTemperature - Zone.Hysteresis => Fresh(t),
            ThermalForce.SourcesOff => ThermalForce.SourcesOff,
            _ => Fresh(t),
        };
        if (next == Force)
        {
            return null;
        }

        Force = next;
        return next;
    }

    private ThermalForce Fresh(double t) =>
        Zone.FrostLimit is { } frost && t < frost ? ThermalForce.Heat
        : Zone.OverTemperature is { } over && t > over ? ThermalForce.SourcesOff
        : ThermalForce.None;
}
