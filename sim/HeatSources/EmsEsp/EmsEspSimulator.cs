using System.Globalization;
using System.Text.Json.Nodes;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Sim.HeatSources.Boiler;

namespace ProofOfHeat.Sim.HeatSources.EmsEsp;

/// <summary>
/// An EMS-ESP gateway with a boiler behind it, on a real MQTT broker: it publishes <c>base/boiler_data</c> every interval
/// (nested or flat format, in the chosen boolean format) and takes commands on <c>base/boiler/&lt;command&gt;</c>
/// (heatingactivated, selflowtemp, burnmaxpower, dhw/seltemp or wwseltemp), as docs.emsesp.org describes. The boiler is
/// <see cref="SimulatedBoiler"/>.
/// </summary>
public sealed class EmsEspSimulator : IAsyncDisposable
{
    private readonly EmsEspSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly MqttClient _mqtt;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _publishLoop = Task.CompletedTask;
    private int _commands;
    private long _publications;

    private EmsEspSimulator(EmsEspSimulatorOptions options, MqttClientOptions broker, TimeProvider time)
    {
        _options = options;
        _time = time;
        _mqtt = new MqttClient(broker, TimeProvider.System);
        Boiler = new SimulatedBoiler(options.Boiler, options.Start);
    }

    /// <summary>Switchable misbehaviour.</summary>
    public EmsEspSimulatorFaults Faults { get; } = new();

    /// <summary>The boiler (read it under <see cref="Read{T}"/>).</summary>
    public SimulatedBoiler Boiler { get; }

    /// <summary>Commands received so far.</summary>
    public int CommandCount => Volatile.Read(ref _commands);

    /// <summary>Publications so far.</summary>
    public long PublicationCount => Interlocked.Read(ref _publications);

    /// <summary>Connects to the broker, subscribes to the command topics and starts publishing.</summary>
    public static async Task<EmsEspSimulator> StartAsync(EmsEspSimulatorOptions options, MqttClientOptions broker, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(time);
        var simulator = new EmsEspSimulator(options, broker, time);
        await simulator._mqtt.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await simulator._mqtt.SubscribeAsync(options.BaseTopic + "/boiler/#", simulator.OnCommandAsync, cancellationToken: cancellationToken).ConfigureAwait(false);
        simulator._publishLoop = simulator.PublishLoopAsync(simulator._stopping.Token);
        return simulator;
    }

    /// <summary>Reads the boiler consistently with the publish loop.</summary>
    public T Read<T>(Func<SimulatedBoiler, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(Boiler);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _publishLoop.ConfigureAwait(false);
        await _mqtt.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task PublishLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.PublishInterval, _time, cancellationToken).ConfigureAwait(false);
                string data;
                string? dhw;
                lock (_gate)
                {
                    Boiler.Step(_options.SimulatedStepPerPublish);
                    (data, dhw) = Payloads();
                }

                if (Faults.Silent)
                {
                    continue;
                }

                var count = Interlocked.Increment(ref _publications);
                if (Faults.Garbage && count % 2 == 0)
                {
                    await _mqtt.PublishAsync(_options.BaseTopic + "/boiler_data", "{\"curflowtemp\": 4", cancellationToken: cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await _mqtt.PublishAsync(_options.BaseTopic + "/boiler_data", data, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (dhw is not null)
                {
                    await _mqtt.PublishAsync(_options.BaseTopic + "/boiler_data_dhw", dhw, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private (string Data, string? Dhw) Payloads()
    {
        var b = Boiler;
        var data = new JsonObject
        {
            ["heatingactive"] = Flag(b.CentralHeatingActive),
            ["tapwateractive"] = Flag(false),
            ["selflowtemp"] = Math.Round(b.ControlSetpoint),
            ["curflowtemp"] = Math.Round(b.FlowTemperature, 1),
            ["rettemp"] = Math.Round(b.ReturnTemperature, 1),
            ["burngas"] = Flag(b.Flame),
            ["curburnpow"] = Math.Round(b.Modulation),
            ["burnmaxpower"] = Math.Round(b.MaxModulation),
            ["heatingactivated"] = Flag(b.CentralHeatingEnabled),
            ["outdoortemp"] = 2.5,
            ["servicecode"] = b.Fault ? "6A" : b.Flame ? "-H" : "0H",
        };
        var dhw = new JsonObject { ["seltemp"] = Math.Round(b.DhwSetpoint), ["curtemp"] = 48.0 };
        if (_options.Nested)
        {
            data["dhw"] = dhw;
            return (data.ToJsonString(), null);
        }

        return (data.ToJsonString(), dhw.ToJsonString());
    }

    private JsonValue Flag(bool value) => _options.BooleanFormat switch
    {
        "ONOFF" => JsonValue.Create(value ? "ON" : "OFF"),
        "truefalse" => JsonValue.Create(value),
        "10" => JsonValue.Create(value ? 1 : 0),
        _ => JsonValue.Create(value ? "on" : "off"),
    };

    private async ValueTask OnCommandAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        if (Faults.Silent)
        {
            return;
        }

        var command = message.Topic[(_options.BaseTopic.Length + "/boiler/".Length)..];
        var value = message.PayloadAsString().Trim();
        var error = Faults.RefuseCommands ? "write not allowed: read-only mode" : Faults.IgnoreCommands ? null : Apply(command, value);
        if (_options.SendResponses)
        {
            var response = new JsonObject { ["message"] = error ?? "OK" };
            await _mqtt.PublishAsync(_options.BaseTopic + "/response", response.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private string? Apply(string command, string value)
    {
        var on = value.ToUpperInvariant() is "ON" or "TRUE" or "1";
        var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        lock (_gate)
        {
            switch (command)
            {
                case "heatingactivated":
                    Boiler.CentralHeatingEnabled = on;
                    return null;
                case "selflowtemp" when number is { } flow:
                    Boiler.ControlSetpoint = flow;
                    return null;
                case "burnmaxpower" when number is { } cap and >= 0 and <= 100:
                    Boiler.MaxModulation = cap;
                    return null;
                case "dhw/seltemp" or "wwseltemp" when number is { } dhw:
                    Boiler.DhwSetpoint = dhw;
                    return null;
                default:
                    return $"no command {command} with value {value}";
            }
        }
    }
}
