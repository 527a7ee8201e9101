namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>What a register means to the heat-source driver (YAML <c>role:</c>); a register without one is only reported.</summary>
public enum RegisterRole
{
    /// <summary>Heating enabled: non-zero is on (writable).</summary>
    OnOff,

    /// <summary>Flow setpoint, °C (writable).</summary>
    FlowSetpoint,

    /// <summary>Hot water setpoint, °C (writable).</summary>
    DhwSetpoint,

    /// <summary>Modulation limit, % (writable).</summary>
    ModulationSetpoint,

    /// <summary>Operating status, its values named by the register's <c>values:</c> (off, idle, running, fault).</summary>
    Status,

    /// <summary>Flow temperature, °C.</summary>
    FlowTemperature,

    /// <summary>Return temperature, °C.</summary>
    ReturnTemperature,

    /// <summary>Outdoor temperature, °C.</summary>
    OutdoorTemperature,

    /// <summary>Hot water temperature, °C.</summary>
    DhwTemperature,

    /// <summary>Modulation now, %.</summary>
    Modulation,

    /// <summary>Power drawn, W (a heat pump's electricity, a meter's total).</summary>
    Power,

    /// <summary>Heat delivered, W.</summary>
    Heat,

    /// <summary>A fault code: non-zero is a fault.</summary>
    Fault,
}
