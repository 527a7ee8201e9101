using System.Collections.Concurrent;
using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Safety.Tests.Runtime;

/// <summary>
/// The primary backend under the Zigbee2MQTT devices, standing in for Home Assistant: away (never connects, every
/// call refused as HA's client refuses one while disconnected), or up with a snapshot, answering calls by setting the
/// entity's state as HA would report it.
/// </summary>
internal sealed class PrimaryHome : IHomeBackend
{
    private IHomeStateSink? _sink;

    public string Name => "home-assistant (test)";

    public bool Up { get; init; }

    public IReadOnlyCollection<EntityState> Snapshot { get; init; } = [];

    public ConcurrentQueue<ServiceCall> Calls { get; } = new();

    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        if (Up)
        {
            sink.Connected(Snapshot);
        }
        else
        {
            sink.Disconnected("connection refused");
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        if (!Up || _sink is null)
        {
            return Task.FromException<JsonElement?>(new ServiceCallException("not_connected", "Home Assistant is not connected."));
        }

        Calls.Enqueue(serviceCall);
        foreach (var id in serviceCall.Target?.EntityIds ?? [])
        {
            var state = serviceCall.Service == "turn_off" ? "off" : "on";
            _sink.StateChanged(new StateChange(id, null, EntityState.Create(id, state, TimeProvider.System.GetUtcNow())));
        }

        return Task.FromResult<JsonElement?>(null);
    }
}
