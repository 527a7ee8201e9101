using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Sim.HeatSources.SgReady;

/// <summary>
/// A Tasmota relay on MQTT (tasmota.github.io/docs/MQTT): <c>cmnd/&lt;topic&gt;/POWER</c> with ON, OFF or TOGGLE switches it
/// and an empty payload asks; it answers on <c>stat/&lt;topic&gt;/POWER</c> with its state and on
/// <c>stat/&lt;topic&gt;/RESULT</c> with {"POWER":…}, or {"Command":"Error"} when it cannot.
/// </summary>
internal sealed class SimulatedTasmotaRelay
{
    private readonly MqttClient _mqtt;
    private readonly string _topic;
    private readonly Action<bool> _switched;
    private readonly SgReadySimulatorFaults _faults;
    private volatile bool _closed;

    public SimulatedTasmotaRelay(MqttClient mqtt, string topic, SgReadySimulatorFaults faults, Action<bool> switched)
    {
        _mqtt = mqtt;
        _topic = topic;
        _faults = faults;
        _switched = switched;
    }

    public bool Closed => _closed;

    public int CommandCount;

    public Task SubscribeAsync(CancellationToken cancellationToken) =>
        _mqtt.SubscribeAsync($"cmnd/{_topic}/POWER", OnCommandAsync, cancellationToken: cancellationToken);

    private async ValueTask OnCommandAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var payload = message.PayloadAsString().Trim().ToUpperInvariant();
        if (payload.Length > 0)
        {
            Interlocked.Increment(ref CommandCount);
        }

        if (_faults.Silent)
        {
            return;
        }

        if (payload.Length > 0 && _faults.Refuse)
        {
            await _mqtt.PublishAsync($"stat/{_topic}/RESULT", "{\"Command\":\"Error\"}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        bool? wanted = payload switch
        {
            "ON" or "1" => true,
            "OFF" or "0" => false,
            "TOGGLE" or "2" => !_closed,
            _ => null,
        };
        if (wanted is { } closed && !_faults.Stuck && closed != _closed)
        {
            _closed = closed;
            _switched(closed);
        }

        var state = _closed ? "ON" : "OFF";
        await _mqtt.PublishAsync($"stat/{_topic}/RESULT", $"{{\"POWER\":\"{state}\"}}", cancellationToken: cancellationToken).ConfigureAwait(false);
        await _mqtt.PublishAsync($"stat/{_topic}/POWER", state, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
