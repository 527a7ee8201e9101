using System.Text.Json.Nodes;

namespace ProofOfHeat.Host.HaSide;

/// <summary>One entity as Home Assistant registers it from a discovery config.</summary>
/// <param name="EntityId">The entity id HA gives it when it first appears (<c>switch.avalon_mini_active</c>).</param>
/// <param name="Platform">The domain (<c>switch</c>, <c>climate</c> …).</param>
/// <param name="DeviceIdentifier">The device's identifier in the config (<c>dev.ids[0]</c>, <c>poh_miner_x</c>).</param>
/// <param name="Key">The component key within the device (<c>active</c>).</param>
/// <param name="DeviceName">The device name.</param>
/// <param name="Name">The entity's own name, or null when it takes the device's.</param>
/// <param name="Component">The component's config as sent (abbreviated keys).</param>
internal sealed record HaEntity(
    string EntityId,
    string Platform,
    string DeviceIdentifier,
    string Key,
    string DeviceName,
    string? Name,
    JsonObject Component)
{
    /// <summary>The friendly name HA shows: device and entity name.</summary>
    public string FriendlyName => Name is null ? DeviceName : $"{DeviceName} {Name}";

    /// <summary>A string key of the component (<c>dev_cla</c>, <c>unit_of_meas</c> …), or null.</summary>
    public string? Text(string key) => Component[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
