namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The kinds of change a heat source may be asked for.</summary>
public enum HeatSourceCommandKind
{
    /// <summary>Switch off (heating demand off; a boiler's CH enable off).</summary>
    TurnOff,

    /// <summary>Switch on.</summary>
    TurnOn,

    /// <summary>Go to a named discrete level.</summary>
    SetLevel,

    /// <summary>Cap or set the modulation, %.</summary>
    SetModulation,

    /// <summary>Set the flow (supply water) temperature, °C.</summary>
    SetFlowSetpoint,

    /// <summary>Set the domestic hot water temperature, °C.</summary>
    SetDhwSetpoint,
}
