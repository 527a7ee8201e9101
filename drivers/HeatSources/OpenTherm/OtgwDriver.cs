using System.Globalization;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>
/// An OpenTherm boiler through an OpenTherm Gateway. Commands are the gateway's serial commands
/// (otgw.tclcode.com/firmware.html): the flow setpoint is CS (control setpoint override), on/off is the CH enable bit
/// (CH, which the gateway only controls while it overrides the control setpoint, so the first switch also sends CS),
/// the modulation cap MM, the DHW setpoint SW. Everything is read back from the boiler's own B lines: a read waits for
/// the boiler's next report (for a command's read-back, its next report of the id that command changes).
/// </summary>
public sealed class OtgwDriver : HeatSourceDriverBase
{
    private readonly OtgwDriverOptions _options;
    private readonly OtgwClient _client;
    private (byte Id, long After)? _awaiting;
    private double? _overriddenSetpoint;

    /// <summary>Creates the driver; connects on first use.</summary>
    public OtgwDriver(OtgwDriverOptions options, HeatSourceDriverContext context)
        : base("otgw", Describe(options), context)
    {
        _options = options;
        _client = new OtgwClient(
            new OtgwClientOptions
            {
                Host = options.Host,
                Port = options.Port,
                ConnectTimeout = context.Timeouts.Connect,
                ReplyTimeout = context.Timeouts.Reply,
                Retries = 0, // the base retries, on its clock
            },
            context.Time);
    }

    /// <inheritdoc />
    protected override Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new HeatSourceCapabilities
        {
            Model = "OpenTherm boiler (OTGW)",
            CanSwitch = true,
            Modulation = new HeatSourceRange(0, 100),
            FlowSetpoint = new HeatSourceRange(_options.MinimumFlowSetpoint, _options.MaximumFlowSetpoint),
            DhwSetpoint = new HeatSourceRange(_options.MinimumDhwSetpoint, _options.MaximumDhwSetpoint),
            MinimumOnTime = _options.MinimumOnOffTime,
            MinimumOffTime = _options.MinimumOnOffTime,
            ReportsPower = _options.MaximumInputWatts is not null,
            // f8.8 carries 1/256 °C; the gateway prints two decimals.
            SetpointTolerance = 0.01,
        });

    /// <inheritdoc />
    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var status = await NextReportAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<string>();
        if (status.Fault == true)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"boiler fault: flags 0x{status.FaultFlags ?? 0:X2}, OEM code {status.OemFaultCode ?? 0}"));
        }

        if (status.RefusedControlSetpoint is { } refused)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"the boiler refused control setpoint {refused:0.##} °C"));
        }

        return new HeatSourceReading
        {
            At = Time.GetUtcNow(),
            Status = status switch
            {
                { Fault: true } => HeatSourceStatus.Fault,
                { CentralHeatingEnabled: false } => HeatSourceStatus.Off,
                { Flame: true } => HeatSourceStatus.Running,
                _ => HeatSourceStatus.Idle,
            },
            IsOn = status.CentralHeatingEnabled,
            ModulationSetpoint = status.MaxModulation,
            Modulation = status.Modulation,
            FlowSetpoint = status.AcknowledgedControlSetpoint,
            FlowTemperature = status.FlowTemperature,
            ReturnTemperature = status.ReturnTemperature,
            DhwSetpoint = status.DhwSetpoint,
            DhwTemperature = status.DhwTemperature,
            OutdoorTemperature = status.OutsideTemperature,
            PowerWatts = _options.MaximumInputWatts is { } max && status.Modulation is { } m ? (status.Flame == true ? max * m / 100 : 0) : null,
            Errors = errors,
        };
    }

    /// <inheritdoc />
    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        if (command.Kind is HeatSourceCommandKind.TurnOn or HeatSourceCommandKind.TurnOff && _overriddenSetpoint is null)
        {
            // CH is the gateway's only while it overrides the control setpoint: take over at the setpoint in force.
            await SendAsync(OtgwCommand.ControlSetpoint(before.FlowSetpoint ?? _options.MinimumFlowSetpoint), sent, cancellationToken).ConfigureAwait(false);
        }

        var (otgw, id) = command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => (OtgwCommand.CentralHeating(true), OpenThermDataId.Status),
            HeatSourceCommandKind.TurnOff => (OtgwCommand.CentralHeating(false), OpenThermDataId.Status),
            HeatSourceCommandKind.SetModulation => (OtgwCommand.MaxModulation((int)Math.Round(command.Value!.Value)), OpenThermDataId.MaxRelativeModulation),
            HeatSourceCommandKind.SetFlowSetpoint => (OtgwCommand.ControlSetpoint(command.Value!.Value), OpenThermDataId.ControlSetpoint),
            HeatSourceCommandKind.SetDhwSetpoint => (OtgwCommand.DhwSetpoint(command.Value!.Value), OpenThermDataId.DhwSetpoint),
            _ => throw new HeatSourceUnsupportedException($"{Endpoint} has no levels."),
        };
        await SendAsync(otgw, sent, cancellationToken).ConfigureAwait(false);
        _awaiting = (id, _client.Status.ReportsOf(id));
        return new SentHeatSourceCommand(string.Join(", ", sent));
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private static string Describe(OtgwDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"otgw://{options.Host}:{options.Port}");
    }

    private async Task SendAsync(OtgwCommand command, List<string> sent, CancellationToken cancellationToken)
    {
        try
        {
            var echoed = await _client.SendAsync(command, cancellationToken).ConfigureAwait(false);
            sent.Add($"{command} → {command.Code}: {echoed}");
            if (command.Code == "CS")
            {
                _overriddenSetpoint = double.Parse(command.Value, CultureInfo.InvariantCulture);
            }
        }
        catch (OtgwException e) when (e.Failure is OtgwFailure.Rejected or OtgwFailure.UnexpectedReply)
        {
            throw new HeatSourceRefusedException(e.Message, e);
        }
        catch (OtgwException e)
        {
            throw new HeatSourceUnreachableException(e.Message, e);
        }
    }

    // A read is the boiler's next report: of the id the last command changed while it is being verified, of anything
    // otherwise; and never before the boiler's status (on/off, flame) is known. A silent gateway reads unreachable
    // after the reply timeout.
    private async Task<OtgwBoilerStatus> NextReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (id, after) = _awaiting ?? (default(byte), -1);
            var total = _client.Status.ReportCount;
            var fresh = await _client.WaitForStatusAsync(
                s => (_awaiting is null ? s.ReportCount > total : s.ReportsOf(id) > after) && s.ReportsOf(OpenThermDataId.Status) > 0,
                Timeouts.Reply,
                cancellationToken).ConfigureAwait(false);
            if (!fresh)
            {
                throw new HeatSourceUnreachableException(
                    string.Create(CultureInfo.InvariantCulture, $"the boiler reported nothing through the gateway for {Timeouts.Reply.TotalSeconds:0} s"));
            }

            if (_awaiting is not null)
            {
                _awaiting = (id, _client.Status.ReportsOf(id));
            }

            return _client.Status;
        }
        catch (OtgwException e)
        {
            throw new HeatSourceUnreachableException(e.Message, e);
        }
    }
}
