using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Notify.HomeAssistant;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>
/// The outlet the host builds, in small: our real HA WebSocket client (fire_event, call_service) and its events passed
/// to the mobile app action handler, so tests run alerts against the fake HA end to end.
/// </summary>
internal sealed class RunnerHaOutlet : IHaOutlet, IHomeAssistantEventHandler, IAsyncDisposable
{
    private readonly HomeAssistantRunner _runner;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _handling = [];
    private readonly Task _run;

    public RunnerHaOutlet(Uri webSocketUri, string token)
    {
        var options = new HomeAssistantClientOptions
        {
            WebSocketUri = webSocketUri,
            AccessToken = token,
            EventTypes = ["state_changed", MobileAppActionHandler.EventType],
        };
        _runner = new HomeAssistantRunner(options, this, TimeProvider.System, NullLogger<HomeAssistantRunner>.Instance);
        _run = Task.Run(() => _runner.RunAsync(_stop.Token));
    }

    public MobileAppActionHandler? Actions { get; set; }

    public bool IsConnected => _runner.IsConnected;

    public async Task FireEventAsync(string eventType, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var connection = _runner.CurrentConnection ?? throw new ServiceCallException("not_connected", "HA is not connected.");
        await connection.SendCommandAsync("fire_event", new Dictionary<string, object?> { ["event_type"] = eventType, ["event_data"] = data }, cancellationToken);
    }

    public async Task CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        var target = serviceCall.Target is { } t ? new HaTarget { EntityIds = t.EntityIds } : null;
        await _runner.CallServiceAsync(serviceCall.Domain, serviceCall.Service, target, ServiceData.ToJson(serviceCall.Data), false, cancellationToken);
    }

    void IHomeAssistantEventHandler.OnConnected(HaConfig config, IReadOnlyList<HaState> states)
    {
    }

    void IHomeAssistantEventHandler.OnStateChanged(HaStateChange change)
    {
    }

    void IHomeAssistantEventHandler.OnEvent(HaEvent haEvent)
    {
        if (Actions is { } actions)
        {
            _handling.Add(actions.HandleAsync(new HomeEvent(haEvent.EventType, haEvent.Data, haEvent.TimeFired), CancellationToken.None).AsTask());
        }
    }

    void IHomeAssistantEventHandler.OnDisconnected(HaDisconnectReason reason, Exception? error)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(_handling);
        await _runner.DisposeAsync();
        _stop.Dispose();
    }
}
