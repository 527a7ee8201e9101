using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>Whether a reading shows a command in effect, and both in words for a result's Expected and Observed.</summary>
public static class HeatSourceEffect
{
    /// <summary>
    /// Whether <paramref name="reading"/> shows <paramref name="command"/>: on/off as the source reports it, the level by
    /// name, and a number within <see cref="HeatSourceCapabilities.SetpointTolerance"/> of what was asked.
    /// </summary>
    public static bool IsShown(HeatSourceCommand command, HeatSourceReading reading, HeatSourceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (reading.Status == HeatSourceStatus.Unreachable)
        {
            return false;
        }

        return command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => reading.IsOn == true,
            HeatSourceCommandKind.TurnOff => reading.IsOn == false,
            HeatSourceCommandKind.SetLevel => string.Equals(reading.Level, command.Level, StringComparison.OrdinalIgnoreCase),
            HeatSourceCommandKind.SetModulation => Near(reading.ModulationSetpoint, command.Value, capabilities.SetpointTolerance),
            HeatSourceCommandKind.SetFlowSetpoint => Near(reading.FlowSetpoint, command.Value, capabilities.SetpointTolerance),
            HeatSourceCommandKind.SetDhwSetpoint => Near(reading.DhwSetpoint, command.Value, capabilities.SetpointTolerance),
            _ => false,
        };
    }

    /// <summary>What the read-back should show, e.g. "flow setpoint 45 °C".</summary>
    public static string Expected(HeatSourceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => "on",
            HeatSourceCommandKind.TurnOff => "off",
            HeatSourceCommandKind.SetLevel => $"level {command.Level}",
            HeatSourceCommandKind.SetModulation => Number("modulation setpoint", command.Value, "%"),
            HeatSourceCommandKind.SetFlowSetpoint => Number("flow setpoint", command.Value, "°C"),
            _ => Number("hot water setpoint", command.Value, "°C"),
        };
    }

    /// <summary>What <paramref name="reading"/> shows of the field <paramref name="command"/> sets, e.g. "flow setpoint 40 °C, running".</summary>
    public static string Observed(HeatSourceCommand command, HeatSourceReading reading)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Status == HeatSourceStatus.Unreachable)
        {
            return "no answer" + (reading.Errors is [var why, ..] ? $" ({why})" : "");
        }

        var field = command.Kind switch
        {
            HeatSourceCommandKind.TurnOn or HeatSourceCommandKind.TurnOff => reading.IsOn switch { true => "on", false => "off", _ => "on/off unknown" },
            HeatSourceCommandKind.SetLevel => $"level {reading.Level ?? "unknown"}",
            HeatSourceCommandKind.SetModulation => Number("modulation setpoint", reading.ModulationSetpoint, "%"),
            HeatSourceCommandKind.SetFlowSetpoint => Number("flow setpoint", reading.FlowSetpoint, "°C"),
            _ => Number("hot water setpoint", reading.DhwSetpoint, "°C"),
        };
        return $"{field}, {reading.Status.ToString().ToLowerInvariant()}";
    }

    private static bool Near(double? read, double? asked, double tolerance) =>
        read is { } r && asked is { } a && Math.Abs(r - a) <= tolerance;

    private static string Number(string what, double? value, string unit) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{what} {v:0.##} {unit}") : $"{what} unknown";
}
