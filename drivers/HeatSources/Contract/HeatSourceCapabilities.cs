namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>What a heat source can be told, and how long it must be left in a state.</summary>
public sealed record HeatSourceCapabilities
{
    /// <summary>Model or map name (e.g. "generic heat pump (Modbus)").</summary>
    public required string Model { get; init; }

    /// <summary>Whether it can be switched on and off.</summary>
    public bool CanSwitch { get; init; }

    /// <summary>Its discrete operating levels (SG-Ready's four states, a pump's stages), lowest first; empty when none.</summary>
    public IReadOnlyList<HeatSourceLevel> Levels { get; init; } = [];

    /// <summary>The modulation range it accepts, %, or null when it cannot be modulated.</summary>
    public HeatSourceRange? Modulation { get; init; }

    /// <summary>The flow (supply water) setpoint range it accepts, °C, or null when the flow setpoint cannot be set.</summary>
    public HeatSourceRange? FlowSetpoint { get; init; }

    /// <summary>The domestic hot water setpoint range it accepts, °C, or null when it makes no hot water we can set.</summary>
    public HeatSourceRange? DhwSetpoint { get; init; }

    /// <summary>How long it must run once switched on before it may be switched off (compressor or burner protection).</summary>
    public TimeSpan MinimumOnTime { get; init; }

    /// <summary>How long it must rest once switched off before it may be switched on again.</summary>
    public TimeSpan MinimumOffTime { get; init; }

    /// <summary>How long a level must be kept before another level is set (SG-Ready states, stages).</summary>
    public TimeSpan MinimumLevelDwell { get; init; }

    /// <summary>Whether its readings carry measured power drawn (electricity, or fuel for a boiler).</summary>
    public bool ReportsPower { get; init; }

    /// <summary>Whether its readings carry measured heat delivered.</summary>
    public bool ReportsHeat { get; init; }

    /// <summary>How far a read-back number may sit from what was set and still count as set (register scaling, f8.8 rounding).</summary>
    public double SetpointTolerance { get; init; } = 0.05;

    /// <summary>Whether <paramref name="command"/> is something this source can do (its kind, and its value in range).</summary>
    public bool Supports(HeatSourceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Kind switch
        {
            HeatSourceCommandKind.TurnOn or HeatSourceCommandKind.TurnOff => CanSwitch,
            HeatSourceCommandKind.SetLevel => Levels.Any(l => string.Equals(l.Name, command.Level, StringComparison.OrdinalIgnoreCase)),
            HeatSourceCommandKind.SetModulation => Modulation?.Contains(command.Value!.Value) == true,
            HeatSourceCommandKind.SetFlowSetpoint => FlowSetpoint?.Contains(command.Value!.Value) == true,
            HeatSourceCommandKind.SetDhwSetpoint => DhwSetpoint?.Contains(command.Value!.Value) == true,
            _ => false,
        };
    }
}
