namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// Folds the boiler's reported frames into <see cref="OtgwBoilerStatus"/>. Only B lines count (what the boiler says);
/// read and write acknowledgements carry values, Data-Invalid on id 1 is a refused setpoint, and every other frame
/// (unknown ids, frames failing parity) leaves the status as it was. Pure.
/// </summary>
public static class OtgwBoilerStatusDecoder
{
    /// <summary>The status after one report line.</summary>
    public static OtgwBoilerStatus Apply(OtgwBoilerStatus status, OtgwLine line, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (line.Kind != OtgwLineKind.Report || line.Source != OtgwReportSource.Boiler || !line.Frame.ParityOk)
        {
            return status;
        }

        var frame = line.Frame;
        var counted = status with
        {
            LastReportAt = at,
            ReportCount = status.ReportCount + 1,
            ReportsById = status.ReportsById.SetItem(frame.DataId, status.ReportsOf(frame.DataId) + 1),
        };
        if (frame.Type == OpenThermMessageType.DataInvalid && frame.DataId == OpenThermDataId.ControlSetpoint)
        {
            return counted with { RefusedControlSetpoint = frame.F88, AcknowledgedControlSetpoint = null };
        }

        if (frame.Type is not (OpenThermMessageType.ReadAck or OpenThermMessageType.WriteAck))
        {
            return counted;
        }

        return frame.DataId switch
        {
            OpenThermDataId.Status => counted with
            {
                CentralHeatingEnabled = (frame.HighByte & 0x01) != 0,
                Fault = (frame.LowByte & 0x01) != 0,
                CentralHeatingActive = (frame.LowByte & 0x02) != 0,
                HotWaterActive = (frame.LowByte & 0x04) != 0,
                Flame = (frame.LowByte & 0x08) != 0,
            },
            OpenThermDataId.ControlSetpoint => counted with { AcknowledgedControlSetpoint = frame.F88, RefusedControlSetpoint = null },
            OpenThermDataId.FaultFlags => counted with { FaultFlags = frame.HighByte, OemFaultCode = frame.LowByte },
            OpenThermDataId.MaxRelativeModulation => counted with { MaxModulation = frame.F88 },
            OpenThermDataId.RelativeModulation => counted with { Modulation = frame.F88 },
            OpenThermDataId.FlowTemperature => counted with { FlowTemperature = frame.F88 },
            OpenThermDataId.DhwTemperature => counted with { DhwTemperature = frame.F88 },
            OpenThermDataId.OutsideTemperature => counted with { OutsideTemperature = frame.F88 },
            OpenThermDataId.ReturnTemperature => counted with { ReturnTemperature = frame.F88 },
            OpenThermDataId.DhwSetpoint => counted with { DhwSetpoint = frame.F88 },
            OpenThermDataId.MaxChSetpoint => counted with { MaxChSetpoint = frame.F88 },
            _ => counted,
        };
    }
}
