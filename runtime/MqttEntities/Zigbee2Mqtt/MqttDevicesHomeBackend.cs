using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.MqttEntities.Zigbee2Mqtt;

/// <summary>
/// An <see cref="IHomeBackend"/> decorator that adds Zigbee2MQTT devices to the primary backend (HA, or the sim):
/// their states join the primary's snapshot and changes, and service calls that target them become set commands on
/// MQTT. Rules that read a leak sensor and close a valve therefore run without HA in the loop, and keep running while
/// HA is away (for apps marked <c>KeepRunningWhenDisconnected</c>).
/// </summary>
public sealed class MqttDevicesHomeBackend : IHomeBackend
{
    private readonly IHomeBackend _primary;
    private readonly Zigbee2MqttDevices _devices;

    /// <summary>Wraps <paramref name="primary"/>.</summary>
    public MqttDevicesHomeBackend(IHomeBackend primary, Zigbee2MqttDevices devices)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(devices);
        _primary = primary;
        _devices = devices;
    }

    /// <inheritdoc />
    public string Name => $"{_primary.Name}+zigbee2mqtt";

    /// <inheritdoc />
    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        var merging = new MergingStateSink(sink, _devices);
        _devices.SetListener(merging.DeviceChanged);
        try
        {
            merging.AnnounceDevices();
            await _devices.StartAsync(cancellationToken);
            await _primary.RunAsync(merging, cancellationToken);
        }
        finally
        {
            _devices.SetListener(null);
        }
    }

    /// <inheritdoc />
    public async Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceCall);
        var target = serviceCall.Target;
        var ids = target?.EntityIds ?? [];
        var ours = ids.Where(_devices.Owns).ToList();
        if (ours.Count == 0)
        {
            return await _primary.CallServiceAsync(serviceCall, cancellationToken);
        }

        var theirs = ids.Where(id => !_devices.Owns(id)).ToList();
        var forwardTarget = target! with { EntityIds = theirs.Count > 0 ? theirs : null };
        var forward = theirs.Count > 0 || forwardTarget.DeviceIds is { Count: > 0 } || forwardTarget.AreaIds is { Count: > 0 }
            || forwardTarget.FloorIds is { Count: > 0 } || forwardTarget.LabelIds is { Count: > 0 };
        await Task.WhenAll(ours.Select(id => _devices.CallServiceAsync(id, serviceCall, cancellationToken)));
        return forward
            ? await _primary.CallServiceAsync(serviceCall with { Target = forwardTarget }, cancellationToken)
            : null;
    }
}
