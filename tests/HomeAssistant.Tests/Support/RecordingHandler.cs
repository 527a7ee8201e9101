namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>Records every callback of the runner; tests await the lists.</summary>
public sealed class RecordingHandler : IHomeAssistantEventHandler
{
    public Recorded<(HaConfig Config, IReadOnlyList<HaState> States)> Connected { get; } = new();

    public Recorded<HaStateChange> StateChanges { get; } = new();

    public Recorded<HaEvent> Events { get; } = new();

    public Recorded<(HaDisconnectReason Reason, Exception? Error)> Disconnected { get; } = new();

    public void OnConnected(HaConfig config, IReadOnlyList<HaState> states) => Connected.Add((config, states));

    public void OnStateChanged(HaStateChange change) => StateChanges.Add(change);

    public void OnEvent(HaEvent haEvent) => Events.Add(haEvent);

    public void OnDisconnected(HaDisconnectReason reason, Exception? error) => Disconnected.Add((reason, error));
}
