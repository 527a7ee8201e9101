using ProofOfHeat.Drivers.HeatSources;
using ProofOfHeat.Modbus;

namespace ProofOfHeat.Apps.Heating.HeatSources.Tests;

/// <summary>
/// A stand-in for the Modbus heat-source driver (in progress on its own branch) over the simulated heat pump's layout
/// (the shipped generic-heat-pump map): holding 0 heating enabled, 1 flow setpoint (0.1 °C), 3 modulation limit (%);
/// input 0 status, 1 flow (0.1 °C), 6–7 electric power (uint32 W, high word first), 8–9 heat (float32 W, low word first).
/// </summary>
internal sealed class SimHeatPumpDriver : HeatSourceDriverBase
{
    private const byte Unit = 1;
    private readonly ModbusTcpClient _client;

    public SimHeatPumpDriver(string host, int port, HeatSourceDriverContext context)
        : base("modbus", $"modbus://{host}:{port}/{Unit}", context)
    {
        _client = new ModbusTcpClient(
            new ModbusClientOptions { Host = host, Port = port, ConnectTimeout = Timeouts.Connect, ReplyTimeout = Timeouts.Reply, ReconnectBackoff = Timeouts.RetryDelay },
            Time);
    }

    protected override Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) => Task.FromResult(new HeatSourceCapabilities
    {
        Model = "generic heat pump (Modbus)",
        CanSwitch = true,
        Modulation = new HeatSourceRange(30, 100),
        FlowSetpoint = new HeatSourceRange(20, 55),
        MinimumOnTime = TimeSpan.FromMinutes(20),
        MinimumOffTime = TimeSpan.FromMinutes(10),
        ReportsPower = true,
        ReportsHeat = true,
    });

    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var holding = await Translate(() => _client.ReadHoldingRegistersAsync(Unit, 0, 4, cancellationToken));
        var input = await Translate(() => _client.ReadInputRegistersAsync(Unit, 0, 11, cancellationToken));
        var heat = BitConverter.Int32BitsToSingle(input[8] | (input[9] << 16));
        return new HeatSourceReading
        {
            At = Time.GetUtcNow(),
            Status = input[0] switch { 0 => HeatSourceStatus.Off, 1 => HeatSourceStatus.Idle, 2 => HeatSourceStatus.Running, _ => HeatSourceStatus.Fault },
            IsOn = holding[0] != 0,
            FlowSetpoint = (short)holding[1] / 10.0,
            ModulationSetpoint = holding[3],
            FlowTemperature = (short)input[1] / 10.0,
            PowerWatts = ((uint)input[6] << 16) | input[7],
            HeatWatts = heat,
        };
    }

    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        var (address, value) = command.Kind switch
        {
            HeatSourceCommandKind.TurnOn => ((ushort)0, (ushort)1),
            HeatSourceCommandKind.TurnOff => ((ushort)0, (ushort)0),
            HeatSourceCommandKind.SetFlowSetpoint => ((ushort)1, (ushort)(short)Math.Round(command.Value!.Value * 10)),
            HeatSourceCommandKind.SetModulation => ((ushort)3, (ushort)Math.Round(command.Value!.Value)),
            _ => throw new HeatSourceUnsupportedException($"{Endpoint} cannot {command}"),
        };
        await Translate(async () =>
        {
            await _client.WriteSingleRegisterAsync(Unit, address, value, cancellationToken);
            return true;
        });
        return new SentHeatSourceCommand($"write holding {address} = {value}");
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        await _client.DisposeAsync();
    }

    private async Task<T> Translate<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ModbusServerException e)
        {
            throw new HeatSourceRefusedException(e.Message, e);
        }
        catch (ModbusException e)
        {
            throw new HeatSourceUnreachableException($"{Endpoint}: {e.Message}", e);
        }
    }
}
