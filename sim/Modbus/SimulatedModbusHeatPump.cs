using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Sim.Modbus;

/// <summary>
/// An air-to-water heat pump behind Modbus TCP, laid out as the shipped <c>generic-heat-pump</c> map describes:
/// holding registers 0 heating enabled, 1 flow setpoint (0.1 °C), 2 hot water setpoint (0.1 °C), 3 modulation limit
/// (%); input registers 0 status, 1 flow, 2 return, 3 outdoor, 4 hot water temperature (0.1 °C), 5 modulation (%),
/// 6–7 electric power (uint32 W, high word first), 8–9 heat output (float32 W, low word first), 10 fault code. Its
/// heat and power come from the heating plant's heat pump (<see cref="HeatPumpSource"/>: COP from flow and outdoor
/// temperature); its flow temperature follows the setpoint with a 5-minute lag on the simulation clock.
/// </summary>
public sealed class SimulatedModbusHeatPump : IAsyncDisposable
{
    /// <summary>The unit id it answers to.</summary>
    public const byte UnitId = 1;

    private static readonly TimeSpan FlowLag = TimeSpan.FromMinutes(5);
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly HeatPumpSource _model = HeatPumpSource.Standard("modbus-heat-pump");
    private readonly SimModbusRegisterBank _bank = new();
    private DateTimeOffset _last;
    private double _flowTemperature = 25;

    /// <summary>Starts the heat pump, off, with a 35 °C flow setpoint, on a free loopback port.</summary>
    public SimulatedModbusHeatPump(TimeProvider time, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _last = time.GetUtcNow();
        _bank.Set(SimModbusTable.HoldingRegisters, 0, 0);
        _bank.Set(SimModbusTable.HoldingRegisters, 1, 350);
        _bank.Set(SimModbusTable.HoldingRegisters, 2, 480);
        _bank.Set(SimModbusTable.HoldingRegisters, 3, 100);
        _bank.Set(SimModbusTable.InputRegisters, 0, new ushort[11]);
        Server = new SimModbusServer(new Dictionary<byte, SimModbusRegisterBank> { [UnitId] = _bank }, port)
        {
            BeforeAnswer = Refresh,
            WriteFilter = Accepts,
        };
        Refresh();
    }

    /// <summary>The Modbus server (its port, request counts and faults).</summary>
    public SimModbusServer Server { get; }

    /// <summary>The outdoor temperature, °C.</summary>
    public double OutdoorTemperature { get; set; } = 2;

    /// <summary>The most heat it makes, W.</summary>
    public double MaximumHeatWatts => _model.Levels[^1];

    /// <summary>A fault code it reports (0 = none); a non-zero code stops it.</summary>
    public ushort FaultCode { get; set; }

    /// <summary>Whether heating is enabled (holding register 0).</summary>
    public bool Enabled => _bank.Get(SimModbusTable.HoldingRegisters, 0) != 0;

    /// <summary>The flow setpoint, °C (holding register 1).</summary>
    public double FlowSetpoint => (short)_bank.Get(SimModbusTable.HoldingRegisters, 1) / 10.0;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();

    // The device's own limits: a value out of range is refused with exception 3 (illegal data value).
    private static byte? Accepts(SimModbusTable table, ushort address, ushort value) => (table, address) switch
    {
        (SimModbusTable.HoldingRegisters, 0) when value > 1 => 0x03,
        (SimModbusTable.HoldingRegisters, 1) when (short)value is < 200 or > 550 => 0x03,
        (SimModbusTable.HoldingRegisters, 2) when (short)value is < 400 or > 600 => 0x03,
        (SimModbusTable.HoldingRegisters, 3) when value is < 30 or > 100 => 0x03,
        _ => null,
    };

    // Brings the readings up to the simulation clock: the flow temperature moves toward its target with a first-order
    // lag, and a running pump makes its share of its maximum heat at the plant model's COP.
    private void Refresh()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = Math.Max(0, (now - _last).TotalSeconds);
            _last = now;
            var running = Enabled && FaultCode == 0;
            var target = running ? FlowSetpoint : 25;
            _flowTemperature += (target - _flowTemperature) * (1 - Math.Exp(-elapsed / FlowLag.TotalSeconds));
            var modulation = running ? _bank.Get(SimModbusTable.HoldingRegisters, 3) : (ushort)0;
            var heat = MaximumHeatWatts * modulation / 100.0;
            var power = running ? heat / _model.Cop(_flowTemperature, OutdoorTemperature) : 0;
            ushort status = FaultCode != 0 ? (ushort)3 : running ? (ushort)2 : Enabled ? (ushort)1 : (ushort)0;
            _bank.Set(SimModbusTable.InputRegisters, 0, status);
            _bank.Set(SimModbusTable.InputRegisters, 1, SimRegisterWords.FromSigned16(_flowTemperature * 10));
            _bank.Set(SimModbusTable.InputRegisters, 2, SimRegisterWords.FromSigned16((_flowTemperature - (running ? 5 : 0)) * 10));
            _bank.Set(SimModbusTable.InputRegisters, 3, SimRegisterWords.FromSigned16(OutdoorTemperature * 10));
            _bank.Set(SimModbusTable.InputRegisters, 4, SimRegisterWords.FromSigned16(47.5 * 10));
            _bank.Set(SimModbusTable.InputRegisters, 5, modulation);
            _bank.Set(SimModbusTable.InputRegisters, 6, SimRegisterWords.FromUnsigned32((uint)Math.Round(power)));
            _bank.Set(SimModbusTable.InputRegisters, 8, SimRegisterWords.FromSingle((float)heat, lowWordFirst: true));
            _bank.Set(SimModbusTable.InputRegisters, 10, FaultCode);
        }
    }
}
