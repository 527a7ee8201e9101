using ProofOfHeat.HomeAssistant;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>The client without the runtime: counts each decoded change on the reader, as a minimal consumer would.</summary>
internal sealed class CountingEventHandler(ConsumptionGate gate) : IHomeAssistantEventHandler
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Connected => _connected.Task;

    public void OnConnected(HaConfig config, IReadOnlyList<HaState> states) => _connected.TrySetResult();

    public void OnStateChanged(HaStateChange change)
    {
        if (change.NewState?.State is not null)
        {
            gate.Add(0);
        }
    }

    public void OnEvent(HaEvent haEvent)
    {
    }

    public void OnDisconnected(HaDisconnectReason reason, Exception? error)
    {
        if (error is not null)
        {
            _connected.TrySetException(error);
        }
    }
}
