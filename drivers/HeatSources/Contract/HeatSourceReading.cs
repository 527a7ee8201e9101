namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>One reading of a heat source. Values the source does not give are null or empty.</summary>
public sealed record HeatSourceReading
{
    /// <summary>When the reading was taken (the driver's clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What the source is doing.</summary>
    public required HeatSourceStatus Status { get; init; }

    /// <summary>Whether it is switched on, when the source says (null when it has no on/off or did not answer).</summary>
    public bool? IsOn { get; init; }

    /// <summary>Its current level's name, when it has levels.</summary>
    public string? Level { get; init; }

    /// <summary>The modulation it was set to (or caps at), %.</summary>
    public double? ModulationSetpoint { get; init; }

    /// <summary>The modulation it runs at now, %.</summary>
    public double? Modulation { get; init; }

    /// <summary>The flow setpoint in effect, °C.</summary>
    public double? FlowSetpoint { get; init; }

    /// <summary>The flow (supply water) temperature, °C.</summary>
    public double? FlowTemperature { get; init; }

    /// <summary>The return water temperature, °C.</summary>
    public double? ReturnTemperature { get; init; }

    /// <summary>The hot water setpoint in effect, °C.</summary>
    public double? DhwSetpoint { get; init; }

    /// <summary>The hot water temperature, °C.</summary>
    public double? DhwTemperature { get; init; }

    /// <summary>The outdoor temperature the source measures, °C.</summary>
    public double? OutdoorTemperature { get; init; }

    /// <summary>Power drawn, W, as the source (or its meter) measures it: electricity for a heat pump, fuel for a boiler.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Heat delivered, W, as the source measures it.</summary>
    public double? HeatWatts { get; init; }

    /// <summary>Every named value read, in its unit (a register map's names), for probes and telemetry.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>Faults the source reports, and for an unreachable source why it was not read.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The coefficient of performance (heat / power) when both are measured and positive.</summary>
    public double? Cop => PowerWatts is > 0 && HeatWatts is > 0 ? HeatWatts / PowerWatts : null;

    /// <summary>A reading for a source that did not answer.</summary>
    public static HeatSourceReading Unreachable(DateTimeOffset at, string why) =>
        new() { At = at, Status = HeatSourceStatus.Unreachable, Errors = [why] };
}
