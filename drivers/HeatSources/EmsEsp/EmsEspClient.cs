using System.Text.Json;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Drivers.HeatSources.EmsEsp;

/// <summary>
/// One EMS-ESP gateway's boiler over a shared MQTT connection: follows <c>&lt;base&gt;/boiler_data</c> (and the separate DHW
/// topics of the flat format), sends commands as <c>&lt;base&gt;/boiler/&lt;command&gt;</c> with the value as payload
/// (docs.emsesp.org "Commands": MQTT topic = base/device/command, payload = value), and collects what EMS-ESP says back
/// on <c>&lt;base&gt;/response</c> when its "Response to commands" setting is on.
/// </summary>
public sealed class EmsEspClient : IAsyncDisposable
{
    private readonly MqttClient _mqtt;
    private readonly string _base;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<MqttSubscription> _subscriptions = [];
    private readonly SemaphoreSlim _subscribeLock = new(1, 1);
    private EmsEspBoilerData _data = EmsEspBoilerData.Empty;
    private string? _lastResponse;
    private long _responses;
    private long _garbage;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the client on <paramref name="mqtt"/> (owned by the caller) for the gateway at <paramref name="baseTopic"/>.</summary>
    public EmsEspClient(MqttClient mqtt, string baseTopic, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseTopic);
        ArgumentNullException.ThrowIfNull(time);
        _mqtt = mqtt;
        _base = baseTopic.TrimEnd('/');
        _time = time;
    }

    /// <summary>The boiler data so far.</summary>
    public EmsEspBoilerData Data
    {
        get
        {
            lock (_gate)
            {
                return _data;
            }
        }
    }

    /// <summary>Responses received so far on the response topic.</summary>
    public long ResponseCount => Interlocked.Read(ref _responses);

    /// <summary>The last response's text.</summary>
    public string? LastResponse => Volatile.Read(ref _lastResponse);

    /// <summary>Payloads on the boiler topics that were not JSON objects.</summary>
    public long GarbageCount => Interlocked.Read(ref _garbage);

    /// <summary>Subscribes to the boiler and response topics once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _subscribeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscriptions.Count > 0)
            {
                return;
            }

            _subscriptions.Add(await _mqtt.SubscribeAsync(_base + "/boiler_data", (m, _) => OnBoiler(m, dhwTopic: false), cancellationToken: cancellationToken).ConfigureAwait(false));
            _subscriptions.Add(await _mqtt.SubscribeAsync(_base + "/boiler_data_dhw", (m, _) => OnBoiler(m, dhwTopic: true), cancellationToken: cancellationToken).ConfigureAwait(false));
            _subscriptions.Add(await _mqtt.SubscribeAsync(_base + "/boiler_data_ww", (m, _) => OnBoiler(m, dhwTopic: true), cancellationToken: cancellationToken).ConfigureAwait(false));
            _subscriptions.Add(await _mqtt.SubscribeAsync(_base + "/response", (m, _) => OnResponse(m), cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    /// <summary>Publishes a boiler command (e.g. <c>selflowtemp</c>, <c>heatingactivated</c>, <c>dhw/seltemp</c>).</summary>
    public async Task SendAsync(string command, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(value);
        await _mqtt.PublishAsync(_base + "/boiler/" + command, value, MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the data and response count; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitAsync(Func<EmsEspBoilerData, long, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_data, ResponseCount))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>Whether a response says the command failed: EMS-ESP answers errors with a JSON "message" other than "OK".</summary>
    public static bool IsRefusal(string? response)
    {
        if (response is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(response);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && !string.Equals(message.GetString(), "ok", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        _subscribeLock.Dispose();
    }

    private ValueTask OnBoiler(MqttApplicationMessage message, bool dhwTopic)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!EmsEspBoilerDataParser.TryMerge(_data, message.Payload, dhwTopic, out var merged))
            {
                Interlocked.Increment(ref _garbage);
                return ValueTask.CompletedTask;
            }

            _data = merged;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    private ValueTask OnResponse(MqttApplicationMessage message)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            Volatile.Write(ref _lastResponse, message.PayloadAsString());
            Interlocked.Increment(ref _responses);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
