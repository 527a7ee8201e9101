namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// The OpenTherm data ids this driver reads or writes (OpenTherm Protocol Specification v2.2 §5.3, as listed in the
/// OTGW firmware's message table, otgw.tclcode.com/firmware.html and rvdbreemen/OTGW-firmware OTGW-Core.h).
/// </summary>
public static class OpenThermDataId
{
    /// <summary>Master and slave status flags (flag8/flag8); slave bit 0 fault, 1 CH active, 2 DHW active, 3 flame.</summary>
    public const byte Status = 0;

    /// <summary>TSet, the control setpoint (CH water temperature), f8.8 °C.</summary>
    public const byte ControlSetpoint = 1;

    /// <summary>Application-specific fault flags (high byte) and the OEM fault code (low byte).</summary>
    public const byte FaultFlags = 5;

    /// <summary>Maximum relative modulation level setting, f8.8 %.</summary>
    public const byte MaxRelativeModulation = 14;

    /// <summary>Relative modulation level, f8.8 %.</summary>
    public const byte RelativeModulation = 17;

    /// <summary>Tboiler, the boiler flow water temperature, f8.8 °C.</summary>
    public const byte FlowTemperature = 25;

    /// <summary>Tdhw, the DHW temperature, f8.8 °C.</summary>
    public const byte DhwTemperature = 26;

    /// <summary>Toutside, f8.8 °C.</summary>
    public const byte OutsideTemperature = 27;

    /// <summary>Tret, the return water temperature, f8.8 °C.</summary>
    public const byte ReturnTemperature = 28;

    /// <summary>TdhwSet, the DHW setpoint, f8.8 °C.</summary>
    public const byte DhwSetpoint = 56;

    /// <summary>MaxTSet, the maximum CH water setpoint, f8.8 °C.</summary>
    public const byte MaxChSetpoint = 57;
}
