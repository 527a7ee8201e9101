namespace ProofOfHeat.Sim.House;

/// <summary>
/// The 2R2C house of PoH-Bench (ISO 13790's capacity classes; bench/Heating/README.md, The plant): an air node (air and
/// furniture, capacity <see cref="AirCapacity"/>) and a mass node (envelope and structure,
/// <see cref="MassCapacity"/>), coupled to each other and to outdoors by conductances. Capacities
/// are in J/K and conductances in W/K so that one step of the model needs no unit conversions.
/// </summary>
public sealed record HouseParameters
{
    private const double JoulesPerKilowattHour = 3.6e6;

    /// <summary>Heat capacity of the air node, J/K.</summary>
    public required double AirCapacity { get; init; }

    /// <summary>Heat capacity of the mass node, J/K.</summary>
    public required double MassCapacity { get; init; }

    /// <summary>Conductance between air and mass, W/K.</summary>
    public required double AirToMass { get; init; }

    /// <summary>Conductance from air straight to outdoors (windows and ventilation), W/K.</summary>
    public required double AirToOutdoor { get; init; }

    /// <summary>Conductance from mass to outdoors, W/K.</summary>
    public required double MassToOutdoor { get; init; }

    /// <summary>The steady-state heat-loss coefficient (UA), W/K: the direct path plus the series air→mass→outdoor path.</summary>
    public double HeatLossCoefficient => AirToOutdoor + (AirToMass * MassToOutdoor / (AirToMass + MassToOutdoor));

    /// <summary>H-M, the default: a 150 m² medium-mass detached house, UA ≈ 169 W/K, slow τ ≈ 47 h.</summary>
    public static HouseParameters Medium { get; } = new()
    {
        AirCapacity = 1.0 * JoulesPerKilowattHour,
        MassCapacity = 7.0 * JoulesPerKilowattHour,
        AirToMass = 1000,
        AirToOutdoor = 70,
        MassToOutdoor = 110,
    };

    /// <summary>H-L: light and poorly insulated, C_m 4.6 kWh/K, UA ≈ 300 W/K.</summary>
    /// <remarks>The note fixes only C_m and UA; the split of UA between the two paths keeps H-M's proportions.</remarks>
    public static HouseParameters Light { get; } = new()
    {
        AirCapacity = 0.8 * JoulesPerKilowattHour,
        MassCapacity = 4.6 * JoulesPerKilowattHour,
        AirToMass = 1000,
        AirToOutdoor = 120,
        MassToOutdoor = 220,
    };

    /// <summary>H-H: heavy and well insulated, C_m 10.8 kWh/K, UA ≈ 110 W/K.</summary>
    /// <remarks>The note fixes only C_m and UA; the split of UA between the two paths keeps H-M's proportions.</remarks>
    public static HouseParameters Heavy { get; } = new()
    {
        AirCapacity = 1.2 * JoulesPerKilowattHour,
        MassCapacity = 10.8 * JoulesPerKilowattHour,
        AirToMass = 1000,
        AirToOutdoor = 45,
        MassToOutdoor = 70,
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
