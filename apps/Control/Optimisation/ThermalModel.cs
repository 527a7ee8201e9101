namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// The controller's grey-box 2R2C house model: an air node and a mass node coupled to each other
/// and to outdoors. It is whatever <see cref="ModelIdentifier"/> fitted from observed data (or, for
/// the perfect-foresight oracle only, the true house). Capacities in J/K, conductances in W/K.
/// </summary>
public sealed record ThermalModel
{
    /// <summary>Heat capacity of the air node, J/K.</summary>
    public required double AirCapacity { get; init; }

    /// <summary>Heat capacity of the mass node, J/K.</summary>
    public required double MassCapacity { get; init; }

    /// <summary>Conductance between air and mass, W/K.</summary>
    public required double AirToMass { get; init; }

    /// <summary>Conductance from air straight to outdoors, W/K.</summary>
    public required double AirToOutdoor { get; init; }

    /// <summary>Conductance from mass to outdoors, W/K.</summary>
    public required double MassToOutdoor { get; init; }

    /// <summary>Effective solar aperture, m²: gain to the air node = aperture × irradiance.</summary>
    public double SolarAperture { get; init; }

    /// <summary>Constant internal gains (people, appliances) to the air node, W.</summary>
    public double InternalGainsWatts { get; init; }

    /// <summary>The steady-state heat-loss coefficient (UA), W/K.</summary>
    public double HeatLossCoefficient => AirToOutdoor + (AirToMass * MassToOutdoor / (AirToMass + MassToOutdoor));

    /// <summary>
    /// A neutral starting point for identification: a mid-sized house, deliberately not any
    /// benchmark variant, so the fit has to move to the data.
    /// </summary>
    public static ThermalModel InitialGuess { get; } = new()
    {
        AirCapacity = 0.7 * 3.6e6,
        MassCapacity = 6.0 * 3.6e6,
        AirToMass = 700,
        AirToOutdoor = 90,
        MassToOutdoor = 130,
        SolarAperture = 3,
        InternalGainsWatts = 200,
    };

    /// <summary>Throws when a capacity or conductance is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AirCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MassCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AirToMass);
        ArgumentOutOfRangeException.ThrowIfNegative(AirToOutdoor);
        ArgumentOutOfRangeException.ThrowIfNegative(MassToOutdoor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AirToOutdoor + MassToOutdoor);
    }
}
