using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What each hazard does to the house, from its options (miners are slept apart, through the fleet).</summary>
public static class HazardPlans
{
    /// <summary>Leak: valves closed first, then the wet circuit's appliances off.</summary>
    public static IReadOnlyList<DeviceCommand> Leak(LeakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Valves.Select(v => new DeviceCommand(v, DesiredState.Closed)), .. options.SwitchOff.Select(s => new DeviceCommand(s, DesiredState.Off))];
    }

    /// <summary>Gas: gas valves closed, boilers off.</summary>
    public static IReadOnlyList<DeviceCommand> Gas(GasOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Valves.Select(v => new DeviceCommand(v, DesiredState.Closed)), .. options.Boilers.Select(b => new DeviceCommand(b, DesiredState.Off))];
    }

    /// <summary>Smoke/CO: heat sources and ventilation off, lights on full, doors unlocked only when enabled.</summary>
    public static IReadOnlyList<DeviceCommand> Smoke(SmokeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            .. options.HeatSources.Select(h => new DeviceCommand(h, DesiredState.Off)),
            .. options.Ventilation.Select(v => new DeviceCommand(v, DesiredState.Off)),
            .. options.Lights.Select(l => new DeviceCommand(l, DesiredState.FullOn)),
            .. options.UnlockDoors ? options.Doors.Select(d => new DeviceCommand(d, DesiredState.Unlocked)) : [],
        ];
    }
}
