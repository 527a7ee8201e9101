using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>
/// Keeps the minimum on, off and level times a source declares (<see cref="HeatSourceCapabilities"/>): a compressor
/// or burner switched too often wears out, and SG-Ready heat pumps expect a state to be held. Counts from the changes
/// this driver made; a source nobody has switched yet may be switched at once.
/// </summary>
internal sealed class HeatSourceDwellGuard
{
    private DateTimeOffset? _switchedOnAt;
    private DateTimeOffset? _switchedOffAt;
    private DateTimeOffset? _levelSetAt;

    /// <summary>Why <paramref name="command"/> may not be sent at <paramref name="now"/>, or null when it may.</summary>
    public string? WhyNot(HeatSourceCommand command, HeatSourceCapabilities capabilities, DateTimeOffset now) => command.Kind switch
    {
        HeatSourceCommandKind.TurnOff => Wait("minimum on time", _switchedOnAt, capabilities.MinimumOnTime, now),
        HeatSourceCommandKind.TurnOn => Wait("minimum off time", _switchedOffAt, capabilities.MinimumOffTime, now),
        HeatSourceCommandKind.SetLevel => Wait("minimum level dwell", _levelSetAt, capabilities.MinimumLevelDwell, now),
        _ => null,
    };

    /// <summary>Records that <paramref name="command"/> took effect at <paramref name="now"/>.</summary>
    public void Record(HeatSourceCommand command, DateTimeOffset now)
    {
        switch (command.Kind)
        {
            case HeatSourceCommandKind.TurnOn:
                _switchedOnAt = now;
                break;
            case HeatSourceCommandKind.TurnOff:
                _switchedOffAt = now;
                break;
            case HeatSourceCommandKind.SetLevel:
                _levelSetAt = now;
                break;
            default:
                break;
        }
    }

    private static string? Wait(string what, DateTimeOffset? since, TimeSpan minimum, DateTimeOffset now)
    {
        if (since is not { } from || now - from >= minimum)
        {
            return null;
        }

        var left = minimum - (now - from);
        return string.Create(CultureInfo.InvariantCulture, $"{what} {minimum.TotalMinutes:0.#} min not elapsed ({left.TotalSeconds:0} s left)");
    }
}
