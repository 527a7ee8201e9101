using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// One entity driven to one state: the service call that does it and the state that confirms it, per domain, as HA
/// documents its entity services (https://www.home-assistant.io/integrations/valve/, /switch/, /light/, /lock/,
/// /climate/). The same calls reach Zigbee2MQTT devices through the device backend, which maps them to set topics.
/// </summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Desired">The wanted state.</param>
public sealed record DeviceCommand(string EntityId, DesiredState Desired)
{
    /// <summary>The entity's domain.</summary>
    public string Domain => EntityId[..EntityId.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The service call that asks for <see cref="Desired"/>.</summary>
    public ServiceCall ToServiceCall()
    {
        var target = ServiceTarget.Entities(EntityId);
        return (Domain, Desired) switch
        {
            ("valve", DesiredState.Closed) => new ServiceCall("valve", "close_valve", target, null),
            ("valve", DesiredState.On) => new ServiceCall("valve", "open_valve", target, null),
            ("lock", DesiredState.Unlocked) => new ServiceCall("lock", "unlock", target, null),
            ("light", DesiredState.FullOn) => new ServiceCall("light", "turn_on", target, new Dictionary<string, object> { ["brightness_pct"] = 100 }),
            ("climate", DesiredState.On) => new ServiceCall("climate", "set_hvac_mode", target, new Dictionary<string, object> { ["hvac_mode"] = "heat" }),
            (var domain, DesiredState.Off or DesiredState.Closed) => new ServiceCall(domain, "turn_off", target, null),
            (var domain, DesiredState.On or DesiredState.FullOn) => new ServiceCall(domain, "turn_on", target, null),
            _ => throw new InvalidOperationException($"{EntityId} cannot be made {Desired}."),
        };
    }

    /// <summary>Whether <paramref name="state"/> shows the command in effect.</summary>
    public bool IsConfirmedBy(string? state) => (Domain, Desired) switch
    {
        ("valve", DesiredState.Closed) => state is "closed",
        ("valve", DesiredState.On) => state is "open",
        ("lock", DesiredState.Unlocked) => state is "unlocked" or "open",
        ("climate", DesiredState.On) => state is "heat" or "heat_cool" or "auto",
        (_, DesiredState.Off or DesiredState.Closed) => state is "off",
        _ => state is "on",
    };

    /// <inheritdoc />
    public override string ToString() => $"{EntityId} → {Desired.ToString().ToLowerInvariant()}";
}
