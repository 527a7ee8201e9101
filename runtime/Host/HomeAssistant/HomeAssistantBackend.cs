using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.HomeAssistant;

namespace ProofOfHeat.Host.HomeAssistant;

/// <summary>
/// Home Assistant as the app model's backend: runs the WebSocket client's reconnect loop and
/// translates its messages into the runtime's states and changes. Everything here runs on the
/// client's reader, so it only maps and hands over; the runtime queues for the apps.
/// </summary>
internal sealed partial class HomeAssistantBackend(
    HomeAssistantClientOptions options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHomeBackend, IHomeAssistantEventHandler
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<HomeAssistantBackend>();
    // Written by RunAsync, read by service calls from app threads.
    private volatile IHomeStateSink? _sink;
    private volatile HomeAssistantRunner? _runner;

    /// <inheritdoc />
    public string Name => "home-assistant";

    /// <summary>HA's version once connected.</summary>
    public string? HaVersion { get; private set; }

    /// <summary>Where the client connects (no token).</summary>
    public Uri Address => options.WebSocketUri;

    /// <inheritdoc />
    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        await using var runner = new HomeAssistantRunner(options, this, timeProvider, loggerFactory.CreateLogger<HomeAssistantRunner>());
        _runner = runner;
        try
        {
            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HomeAssistantAuthenticationException)
        {
            LogTokenRejected(_logger, options.WebSocketUri);
            throw;
        }
        finally
        {
            _runner = null;
        }
    }

    /// <inheritdoc />
    public async Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceCall);
        var runner = _runner ?? throw new ServiceCallException("not_connected", "Home Assistant is not connected yet.");
        try
        {
            var result = await runner.CallServiceAsync(
                serviceCall.Domain,
                serviceCall.Service,
                Map(serviceCall.Target),
                ServiceData.ToJson(serviceCall.Data),
                serviceCall.ReturnResponse,
                cancellationToken).ConfigureAwait(false);
            return result.Response;
        }
        catch (HomeAssistantCommandException ex)
        {
            throw new ServiceCallException(ex.Code, $"{serviceCall.Domain}.{serviceCall.Service}: {ex.Message}", ex);
        }
        catch (HomeAssistantNotConnectedException ex)
        {
            throw new ServiceCallException("not_connected", $"{serviceCall.Domain}.{serviceCall.Service}: Home Assistant is not connected.", ex);
        }
        catch (HomeAssistantException ex)
        {
            throw new ServiceCallException("communication", $"{serviceCall.Domain}.{serviceCall.Service}: {ex.Message}", ex);
        }
    }

    /// <summary>Sends a WebSocket command without fields on the current connection (the API's lookup of HA users).</summary>
    /// <exception cref="HomeAssistantNotConnectedException">HA is not connected.</exception>
    public Task<JsonElement> SendCommandAsync(string type, CancellationToken cancellationToken) =>
        (_runner?.CurrentConnection ?? throw new HomeAssistantNotConnectedException("Home Assistant is not connected."))
            .SendCommandAsync(type, null, cancellationToken);

    /// <summary>Fires an event on HA's bus (WebSocket <c>fire_event</c>; the alert service's <c>poh_alert</c>).</summary>
    /// <exception cref="ServiceCallException">HA is not connected or refused the event.</exception>
    public async Task FireEventAsync(string eventType, object? eventData, CancellationToken cancellationToken)
    {
        var connection = _runner?.CurrentConnection ?? throw new ServiceCallException("not_connected", "Home Assistant is not connected.");
        try
        {
            await connection.SendCommandAsync("fire_event", new Dictionary<string, object?> { ["event_type"] = eventType, ["event_data"] = eventData }, cancellationToken).ConfigureAwait(false);
        }
        catch (HomeAssistantException ex)
        {
            throw new ServiceCallException("communication", $"fire_event {eventType}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    void IHomeAssistantEventHandler.OnConnected(HaConfig config, IReadOnlyList<HaState> states)
    {
        HaVersion = config.Version;
        var snapshot = new EntityState[states.Count];
        for (var i = 0; i < snapshot.Length; i++)
        {
            snapshot[i] = Map(states[i]);
        }

        _sink?.Connected(snapshot);
    }

    /// <inheritdoc />
    void IHomeAssistantEventHandler.OnStateChanged(HaStateChange change) =>
        _sink?.StateChanged(new StateChange(change.EntityId, MapOrNull(change.OldState), MapOrNull(change.NewState)));

    /// <inheritdoc />
    void IHomeAssistantEventHandler.OnEvent(HaEvent haEvent) =>
        _sink?.EventReceived(new HomeEvent(haEvent.EventType, haEvent.Data, haEvent.TimeFired));

    /// <inheritdoc />
    void IHomeAssistantEventHandler.OnDisconnected(HaDisconnectReason reason, Exception? error) =>
        _sink?.Disconnected(error is null ? reason.ToString() : $"{reason}: {error.Message}");

    private static EntityState Map(HaState state) =>
        new(state.EntityId, state.State, state.Attributes, state.LastChanged, state.LastUpdated);

    private static EntityState? MapOrNull(HaState? state) => state is null ? null : Map(state);

    private static HaTarget? Map(ServiceTarget? target) => target is null
        ? null
        : new HaTarget
        {
            EntityIds = target.EntityIds,
            DeviceIds = target.DeviceIds,
            AreaIds = target.AreaIds,
            FloorIds = target.FloorIds,
            LabelIds = target.LabelIds,
        };

    [LoggerMessage(EventId = 1010, Level = LogLevel.Critical,
        Message = "Home Assistant at {Address} rejected the access token. The brain will not retry (that could lock the account out). Create a long-lived access token in your HA profile and set homeassistant.token or POH_HA_TOKEN, then start again.")]
    private static partial void LogTokenRejected(ILogger logger, Uri address);
}
