namespace ProofOfHeat.Control;

/// <summary>
/// Coefficients of the time-proportional-integral rule as Versatile Thermostat defines it. The
/// defaults are VTherm's own (0.6 and 0.01), which its docs call right for a standard,
/// well-insulated room.
/// </summary>
public sealed record TpiOptions
{
    /// <summary>Weight of the room error (target − room), per kelvin.</summary>
    public double CoefInt { get; init; } = 0.6;

    /// <summary>Weight of the outdoor difference (target − outdoor), per kelvin.</summary>
    public double CoefExt { get; init; } = 0.01;

    /// <summary>Upper cap of the on-fraction (VTherm's <c>max_on_percent</c>), 0..1.</summary>
    public double MaxOnFraction { get; init; } = 1.0;
}
