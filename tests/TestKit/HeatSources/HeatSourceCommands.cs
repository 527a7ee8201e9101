using ProofOfHeat.Drivers.HeatSources;

namespace ProofOfHeat.TestKit.HeatSources;

/// <summary>Commands the contract tests send, chosen from a source's capabilities.</summary>
public static class HeatSourceCommands
{
    /// <summary>One command of every kind the source supports: on, every level, a mid-range modulation and setpoints, then off.</summary>
    public static IEnumerable<HeatSourceCommand> EverySupported(HeatSourceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.CanSwitch)
        {
            yield return HeatSourceCommand.TurnOn;
        }

        foreach (var level in capabilities.Levels)
        {
            yield return HeatSourceCommand.SetLevel(level.Name);
        }

        if (capabilities.Modulation is { } modulation)
        {
            yield return HeatSourceCommand.SetModulation(Middle(modulation));
        }

        if (capabilities.FlowSetpoint is { } flow)
        {
            yield return HeatSourceCommand.SetFlowSetpoint(Middle(flow));
        }

        if (capabilities.DhwSetpoint is { } dhw)
        {
            yield return HeatSourceCommand.SetDhwSetpoint(Middle(dhw));
        }

        if (capabilities.CanSwitch)
        {
            yield return HeatSourceCommand.TurnOff;
        }
    }

    /// <summary>A supported command that <paramref name="now"/> does not show in effect.</summary>
    public static HeatSourceCommand AChange(HeatSourceCapabilities capabilities, HeatSourceReading now)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(now);
        return EverySupported(capabilities).First(c => !HeatSourceEffect.IsShown(c, now, capabilities));
    }

    /// <summary>The longest minimum time the source declares: waiting it out lets any command through.</summary>
    public static TimeSpan LongestDwell(HeatSourceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return new[] { capabilities.MinimumOnTime, capabilities.MinimumOffTime, capabilities.MinimumLevelDwell }.Max();
    }

    // A whole number near the middle of the range: registers and f8.8 both carry it exactly.
    private static double Middle(HeatSourceRange range) => Math.Round((range.Minimum + range.Maximum) / 2);
}
