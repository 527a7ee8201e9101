using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources.EmsEsp;

/// <summary>
/// A Bosch/Buderus/Nefit boiler through EMS-ESP over MQTT. On/off is <c>heatingactivated</c>, the flow setpoint
/// <c>selflowtemp</c>, the modulation cap <c>burnmaxpower</c>, the DHW setpoint <c>dhw/seltemp</c> (docs.emsesp.org
/// "Commands", boiler). A read is EMS-ESP's next boiler publication, so a read-back shows what the boiler reports after
/// the command, never the command itself.
/// </summary>
public sealed class EmsEspDriver : HeatSourceDriverBase
{
    private readonly EmsEspDriverOptions _options;
    private readonly EmsEspClient _client;

    /// <summary>Creates the driver on a connected (or connecting) MQTT client the caller owns.</summary>
    public EmsEspDriver(EmsEspDriverOptions options, ProofOfHeat.Mqtt.MqttClient mqtt, HeatSourceDriverContext context)
        : base("ems-esp", "mqtt:" + (options ?? throw new ArgumentNullException(nameof(options))).BaseTopic, context)
    {
        _options = options;
        _client = new EmsEspClient(mqtt, options.BaseTopic, context.Time);
    }

    /// <summary>The client, for probes and tests.</summary>
    public EmsEspClient Client => _client;

    /// <inheritdoc />
    protected override async Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HeatSourceCapabilities
        {
            Model = "EMS boiler (EMS-ESP)",
            CanSwitch = true,
            Modulation = new HeatSourceRange(0, 100),
            FlowSetpoint = _options.FlowSetpoint,
            DhwSetpoint = _options.DhwSetpoint,
            MinimumOnTime = _options.MinimumOnOffTime,
            MinimumOffTime = _options.MinimumOnOffTime,
            // EMS-ESP publishes whole degrees and percent for these.
            SetpointTolerance = 0.5,
        };
    }

    /// <inheritdoc />
    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
        var seen = _client.Data.MessageCount;
        if (!await _client.WaitAsync((d, _) => d.MessageCount > seen && d.HeatingActivated is not null, Timeouts.Reply, cancellationToken).ConfigureAwait(false))
        {
            throw new HeatSourceUnreachableException(
                string.Create(CultureInfo.InvariantCulture, $"EMS-ESP published nothing on {_options.BaseTopic}/boiler_data for {Timeouts.Reply.TotalSeconds:0} s"));
        }

        var data = _client.Data;
        var fault = data.ServiceCode is { Length: > 0 } code && !IsOperatingCode(code);
        return new HeatSourceReading
        {
            At = Time.GetUtcNow(),
            Status = data switch
            {
                _ when fault => HeatSourceStatus.Fault,
                { HeatingActivated: false } => HeatSourceStatus.Off,
                { BurnerOn: true } => HeatSourceStatus.Running,
                _ => HeatSourceStatus.Idle,
            },
            IsOn = data.HeatingActivated,
            ModulationSetpoint = data.BurnerMaxPower,
            Modulation = data.BurnerPower,
            FlowSetpoint = data.SelectedFlowTemperature,
            FlowTemperature = data.FlowTemperature,
            ReturnTemperature = data.ReturnTemperature,
            DhwSetpoint = data.DhwSetpoint,
            DhwTemperature = data.DhwTemperature,
            OutdoorTemperature = data.OutdoorTemperature,
            Errors = fault ? [$"boiler service code {data.ServiceCode}"] : [],
        };
    }

    /// <inheritdoc />
    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        var (name, value) = command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => ("heatingactivated", "on"),
            HeatSourceCommandKind.TurnOff => ("heatingactivated", "off"),
            HeatSourceCommandKind.SetFlowSetpoint => ("selflowtemp", Number(command.Value!.Value)),
            HeatSourceCommandKind.SetModulation => ("burnmaxpower", Number(command.Value!.Value)),
            HeatSourceCommandKind.SetDhwSetpoint => (_options.DhwSetpointCommand, Number(command.Value!.Value)),
            _ => throw new HeatSourceUnsupportedException($"{Endpoint} has no levels."),
        };
        var responses = _client.ResponseCount;
        await _client.SendAsync(name, value, cancellationToken).ConfigureAwait(false);
        if (_options.ExpectResponses)
        {
            if (!await _client.WaitAsync((_, r) => r > responses, Timeouts.Reply, cancellationToken).ConfigureAwait(false))
            {
                throw new HeatSourceUnreachableException($"EMS-ESP did not answer {name}={value}");
            }

            if (EmsEspClient.IsRefusal(_client.LastResponse))
            {
                throw new HeatSourceRefusedException($"EMS-ESP refused {name}={value}: {_client.LastResponse}");
            }
        }

        return new SentHeatSourceCommand($"{_options.BaseTopic}/boiler/{name} ← {value}");
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    // EMS boilers show "0H" (standby), "0A"/"0C"/"0E"/"0U"/"0Y" (waiting, anti-cycling) and "-H"/"=H" (heating) in
    // normal operation; any other service code is a blocking or locking fault.
    private static bool IsOperatingCode(string code) => code.Length == 2 && code[0] is '0' or '-' or '=';

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
