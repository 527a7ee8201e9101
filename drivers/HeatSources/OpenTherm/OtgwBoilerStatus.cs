using System.Collections.Immutable;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>
/// What the boiler last reported through the gateway (from its B lines only: what the boiler itself says, not what a
/// thermostat or the gateway asked for). Null where the boiler has not reported the value yet or does not support it.
/// </summary>
public sealed record OtgwBoilerStatus
{
    /// <summary>No report yet.</summary>
    public static OtgwBoilerStatus Empty { get; } = new();

    /// <summary>When the last boiler frame arrived, on the client's clock.</summary>
    public DateTimeOffset? LastReportAt { get; init; }

    /// <summary>Boiler frames decoded so far.</summary>
    public long ReportCount { get; init; }

    /// <summary>Boiler frames decoded so far per data id (a read-back waits for the next one of its id).</summary>
    public ImmutableDictionary<byte, long> ReportsById { get; init; } = ImmutableDictionary<byte, long>.Empty;

    /// <summary>Master status bit 0 as the boiler echoes it: central heating is enabled.</summary>
    public bool? CentralHeatingEnabled { get; init; }

    /// <summary>Slave status bit 0: a fault is indicated.</summary>
    public bool? Fault { get; init; }

    /// <summary>Slave status bit 1: central heating is active.</summary>
    public bool? CentralHeatingActive { get; init; }

    /// <summary>Slave status bit 2: hot water is being made.</summary>
    public bool? HotWaterActive { get; init; }

    /// <summary>Slave status bit 3: the flame is on.</summary>
    public bool? Flame { get; init; }

    /// <summary>The control setpoint the boiler last acknowledged (id 1 Write-Ack), °C.</summary>
    public double? AcknowledgedControlSetpoint { get; init; }

    /// <summary>The control setpoint value the boiler last refused (id 1 Data-Invalid), °C.</summary>
    public double? RefusedControlSetpoint { get; init; }

    /// <summary>Id 5's application-specific fault flags.</summary>
    public byte? FaultFlags { get; init; }

    /// <summary>Id 5's OEM fault code.</summary>
    public byte? OemFaultCode { get; init; }

    /// <summary>Relative modulation level (id 17), %.</summary>
    public double? Modulation { get; init; }

    /// <summary>Maximum relative modulation the boiler acknowledged (id 14), %.</summary>
    public double? MaxModulation { get; init; }

    /// <summary>Flow water temperature (id 25), °C.</summary>
    public double? FlowTemperature { get; init; }

    /// <summary>Return water temperature (id 28), °C.</summary>
    public double? ReturnTemperature { get; init; }

    /// <summary>DHW temperature (id 26), °C.</summary>
    public double? DhwTemperature { get; init; }

    /// <summary>DHW setpoint (id 56), °C.</summary>
    public double? DhwSetpoint { get; init; }

    /// <summary>Maximum CH water setpoint (id 57), °C.</summary>
    public double? MaxChSetpoint { get; init; }

    /// <summary>Outside temperature (id 27), °C.</summary>
    public double? OutsideTemperature { get; init; }

    /// <summary>How many boiler frames of <paramref name="dataId"/> have arrived.</summary>
    public long ReportsOf(byte dataId) => ReportsById.GetValueOrDefault(dataId);
}
