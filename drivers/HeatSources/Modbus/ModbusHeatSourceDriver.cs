using System.Globalization;
using ProofOfHeat.Modbus;

namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>
/// A heat pump or boiler over Modbus TCP, described by a register map: its capabilities come from the map's roles
/// and ranges, a reading is every register (the roles filled in), a command writes the role's register. A Modbus
/// exception reply is a refusal; a timeout or a lost connection is unreachable; garbage is a protocol error.
/// </summary>
public sealed class ModbusHeatSourceDriver : HeatSourceDriverBase
{
    private readonly ModbusTcpClient _client;
    private readonly ModbusRegisterReader _reader;
    private readonly RegisterMap _map;

    /// <summary>Creates the driver for the device at <paramref name="host"/>:<paramref name="port"/>; does no I/O.</summary>
    public ModbusHeatSourceDriver(string host, int port, byte? unit, RegisterMap map, HeatSourceDriverContext context)
        : base("modbus", $"modbus://{host}:{port}/{unit ?? map?.DefaultUnit}", context)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        _client = new ModbusTcpClient(
            new ModbusClientOptions { Host = host, Port = port, ConnectTimeout = Timeouts.Connect, ReplyTimeout = Timeouts.Reply, ReconnectBackoff = Timeouts.RetryDelay },
            Time);
        _reader = new ModbusRegisterReader(_client, map, unit ?? map.DefaultUnit);
    }

    /// <inheritdoc />
    protected override Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new HeatSourceCapabilities
        {
            Model = _map.Description.Length > 0 ? _map.Description : _map.Name,
            CanSwitch = Writable(RegisterRole.OnOff) is not null,
            Modulation = Range(RegisterRole.ModulationSetpoint, _map.ModulationRange),
            FlowSetpoint = Range(RegisterRole.FlowSetpoint, _map.FlowSetpointRange),
            DhwSetpoint = Range(RegisterRole.DhwSetpoint, _map.DhwSetpointRange),
            MinimumOnTime = _map.MinimumOnTime,
            MinimumOffTime = _map.MinimumOffTime,
            ReportsPower = _map.ByRole(RegisterRole.Power) is not null,
            ReportsHeat = _map.ByRole(RegisterRole.Heat) is not null,
            // A register holds its value to its scale (0.1 °C): a read-back within half a step is the value written.
            SetpointTolerance = 0.05,
        });

    /// <inheritdoc />
    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var values = await TranslateAsync(() => _reader.ReadAllAsync(cancellationToken)).ConfigureAwait(false);
        return ModbusHeatSourceReading.From(_map, values, Time.GetUtcNow());
    }

    /// <inheritdoc />
    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (role, value) = command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => (RegisterRole.OnOff, 1.0),
            HeatSourceCommandKind.TurnOff => (RegisterRole.OnOff, 0.0),
            HeatSourceCommandKind.SetModulation => (RegisterRole.ModulationSetpoint, command.Value!.Value),
            HeatSourceCommandKind.SetFlowSetpoint => (RegisterRole.FlowSetpoint, command.Value!.Value),
            HeatSourceCommandKind.SetDhwSetpoint => (RegisterRole.DhwSetpoint, command.Value!.Value),
            _ => throw new HeatSourceUnsupportedException($"{Endpoint} has no register for {command}."),
        };
        var register = Writable(role) ?? throw new HeatSourceUnsupportedException($"{Endpoint}: the map has no writable {role} register.");
        var detail = await TranslateAsync(() => _reader.WriteAsync(register, value, cancellationToken)).ConfigureAwait(false);
        return new SentHeatSourceCommand(detail);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    // The one place Modbus failures become the contract's: an exception reply is the device refusing.
    private async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ModbusServerException e)
        {
            throw new HeatSourceRefusedException(e.Message, e);
        }
        catch (ModbusProtocolException e)
        {
            throw new HeatSourceProtocolException($"{Endpoint}: {e.Message}", e);
        }
        catch (ModbusException e)
        {
            throw new HeatSourceUnreachableException($"{Endpoint}: {e.Message}", e);
        }
    }

    private RegisterDefinition? Writable(RegisterRole role) => _map.ByRole(role) is { Writable: true } register ? register : null;

    private HeatSourceRange? Range(RegisterRole role, (double Minimum, double Maximum)? range) =>
        Writable(role) is not null && range is { } r ? new HeatSourceRange(r.Minimum, r.Maximum) : null;

    /// <summary>Says the driver, e.g. for logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Endpoint} ({_map.Name})");
}
