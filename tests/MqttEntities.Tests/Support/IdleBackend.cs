using System.Collections.Concurrent;
using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>
/// A primary backend standing in for HA: it connects with <see cref="Snapshot"/> when <see cref="ConnectOnStart"/>,
/// or never (HA away), and records the service calls it receives.
/// </summary>
internal sealed class IdleBackend : IHomeBackend
{
    public string Name => "idle";

    public bool ConnectOnStart { get; init; }

    public IReadOnlyCollection<EntityState> Snapshot { get; init; } = [];

    public ConcurrentQueue<ServiceCall> Calls { get; } = new();

    /// <summary>Completes once the snapshot went into the sink.</summary>
    public TaskCompletionSource HasConnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        if (ConnectOnStart)
        {
            sink.Connected(Snapshot);
            HasConnected.TrySetResult();
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        Calls.Enqueue(serviceCall);
        return Task.FromResult<JsonElement?>(null);
    }
}
