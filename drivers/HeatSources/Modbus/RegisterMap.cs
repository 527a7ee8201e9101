namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>A device's registers as data: what to read, what may be written, and what the device can do.</summary>
public sealed record RegisterMap
{
    /// <summary>The map's name (the shipped maps are found by it).</summary>
    public required string Name { get; init; }

    /// <summary>What device it describes and where its layout comes from.</summary>
    public string Description { get; init; } = "";

    /// <summary>The unit id the device answers to unless told otherwise.</summary>
    public byte DefaultUnit { get; init; } = 1;

    /// <summary>The registers.</summary>
    public required IReadOnlyList<RegisterDefinition> Registers { get; init; }

    /// <summary>The device's minimum run time once switched on.</summary>
    public TimeSpan MinimumOnTime { get; init; }

    /// <summary>The device's minimum rest time once switched off.</summary>
    public TimeSpan MinimumOffTime { get; init; }

    /// <summary>The flow setpoints the device accepts, °C (inclusive), or null.</summary>
    public (double Minimum, double Maximum)? FlowSetpointRange { get; init; }

    /// <summary>The hot water setpoints the device accepts, °C, or null.</summary>
    public (double Minimum, double Maximum)? DhwSetpointRange { get; init; }

    /// <summary>The modulation limits the device accepts, %, or null.</summary>
    public (double Minimum, double Maximum)? ModulationRange { get; init; }

    /// <summary>The register with <paramref name="role"/>, or null.</summary>
    public RegisterDefinition? ByRole(RegisterRole role) => Registers.FirstOrDefault(r => r.Role == role);
}
