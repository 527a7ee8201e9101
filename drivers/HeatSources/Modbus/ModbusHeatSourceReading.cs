namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>A heat-source reading from a map's register values: the roles fill the contract's fields.</summary>
internal static class ModbusHeatSourceReading
{
    public static HeatSourceReading From(RegisterMap map, IReadOnlyDictionary<string, double> values, DateTimeOffset at)
    {
        double? Role(RegisterRole role) => map.ByRole(role) is { } r && values.TryGetValue(r.Name, out var v) ? v : null;

        var on = Role(RegisterRole.OnOff) is { } raw ? raw != 0 : (bool?)null;
        var fault = Role(RegisterRole.Fault) is { } code && code != 0 ? code : (double?)null;
        var status = StatusOf(map, Role(RegisterRole.Status), on, fault);
        return new HeatSourceReading
        {
            At = at,
            Status = status,
            IsOn = on,
            ModulationSetpoint = Role(RegisterRole.ModulationSetpoint),
            Modulation = Role(RegisterRole.Modulation),
            FlowSetpoint = Role(RegisterRole.FlowSetpoint),
            FlowTemperature = Role(RegisterRole.FlowTemperature),
            ReturnTemperature = Role(RegisterRole.ReturnTemperature),
            DhwSetpoint = Role(RegisterRole.DhwSetpoint),
            DhwTemperature = Role(RegisterRole.DhwTemperature),
            OutdoorTemperature = Role(RegisterRole.OutdoorTemperature),
            PowerWatts = Role(RegisterRole.Power),
            HeatWatts = Role(RegisterRole.Heat),
            Values = values,
            Errors = fault is { } f ? [FormattableString.Invariant($"fault code {f:0}")] : [],
        };
    }

    // The status register's named value when the map names it (off, idle, running, fault); else on/off and the fault code.
    private static HeatSourceStatus StatusOf(RegisterMap map, double? raw, bool? on, double? fault)
    {
        if (fault is not null)
        {
            return HeatSourceStatus.Fault;
        }

        if (raw is { } value && map.ByRole(RegisterRole.Status) is { } register && register.Values.TryGetValue((int)value, out var name))
        {
            return name.ToLowerInvariant() switch
            {
                "off" => HeatSourceStatus.Off,
                "idle" or "standby" => HeatSourceStatus.Idle,
                "fault" or "error" => HeatSourceStatus.Fault,
                _ => HeatSourceStatus.Running,
            };
        }

        return on switch { false => HeatSourceStatus.Off, true => HeatSourceStatus.Running, _ => HeatSourceStatus.Idle };
    }
}
