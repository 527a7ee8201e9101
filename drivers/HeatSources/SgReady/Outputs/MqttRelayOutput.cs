using System.Text.Json;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Drivers.HeatSources.SgReady.Outputs;

/// <summary>A relay on MQTT: commands and state on configurable topics (<see cref="MqttRelayOptions"/>), over a shared client.</summary>
public sealed class MqttRelayOutput : IRelayOutput
{
    private readonly MqttClient _mqtt;
    private readonly MqttRelayOptions _options;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<MqttSubscription> _subscriptions = [];
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private bool? _state;
    private long _answers;
    private string? _error;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the output on <paramref name="mqtt"/> (owned by the caller).</summary>
    public MqttRelayOutput(MqttClient mqtt, MqttRelayOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _mqtt = mqtt;
        _options = options;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => _options.CommandTopic;

    /// <inheritdoc />
    public async Task<bool> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        if (_options.QueryPayload is null)
        {
            return await WaitStateAsync(-1, timeout, cancellationToken).ConfigureAwait(false);
        }

        var answers = Interlocked.Read(ref _answers);
        await _mqtt.PublishAsync(_options.CommandTopic, _options.QueryPayload, MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitStateAsync(answers, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> SetAsync(bool closed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var answers = Interlocked.Read(ref _answers);
        await _mqtt.PublishAsync(_options.CommandTopic, closed ? _options.PayloadOn : _options.PayloadOff, MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitStateAsync(answers, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        _startLock.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscriptions.Count > 0)
            {
                return;
            }

            _subscriptions.Add(await _mqtt.SubscribeAsync(_options.StateTopic, (m, _) => OnState(m), cancellationToken: cancellationToken).ConfigureAwait(false));
            if (_options.ResultTopic is { } result)
            {
                _subscriptions.Add(await _mqtt.SubscribeAsync(result, (m, _) => OnResult(m), cancellationToken: cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    // Waits for an answer after the one numbered `after` (-1: any known state will do).
    private async Task<bool> WaitStateAsync(long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (Interlocked.Read(ref _answers) > after && (after >= 0 || _state is not null))
                {
                    if (_error is { } error)
                    {
                        _error = null;
                        throw new HeatSourceRefusedException($"{Name} refused: {error}");
                    }

                    if (_state is { } state)
                    {
                        return state;
                    }
                }

                changed = _changed.Task;
            }

            var left = deadline - _time.GetUtcNow();
            try
            {
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await changed.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new HeatSourceUnreachableException($"{Name} did not report its state within {timeout.TotalSeconds:0.#} s");
            }
        }
    }

    private ValueTask OnState(MqttApplicationMessage message)
    {
        var text = message.PayloadAsString().Trim();
        bool? state = string.Equals(text, _options.PayloadOn, StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(text, _options.PayloadOff, StringComparison.OrdinalIgnoreCase) ? false
            : null;
        if (state is not null)
        {
            Signal(() => _state = state);
        }

        return ValueTask.CompletedTask;
    }

    // Tasmota answers a command it could not run with {"Command":"Error"} (or "Unknown") on stat/<topic>/RESULT.
    private ValueTask OnResult(MqttApplicationMessage message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.Payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Command", out var command)
                && command.GetString() is { } outcome)
            {
                Signal(() => _error = outcome);
            }
        }
        catch (JsonException)
        {
            // Not a result we understand: the state topic still tells.
        }

        return ValueTask.CompletedTask;
    }

    private void Signal(Action update)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            update();
            Interlocked.Increment(ref _answers);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
