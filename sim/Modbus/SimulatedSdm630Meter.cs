namespace ProofOfHeat.Sim.Modbus;

/// <summary>
/// An Eastron SDM630 three-phase energy meter behind a Modbus TCP gateway. Its input registers (function 4) hold IEEE
/// 754 floats in two registers each, high word first, at the addresses of Eastron's "SDM630 Modbus Protocol" manual
/// (e.g. manualshive.com/en/manual/eastron/sdm630-modbus-mid-v2; lamaplc.com's Eastron table): 30001/3/5 phase
/// voltages (PDU 0, 2, 4), 30007/9/11 phase currents (6, 8, 10), 30013/15/17 phase active power (12, 14, 16), 30053
/// total system power (52), 30071 frequency (70), 30073 total import kWh (72). Registers 0–79 all exist; the rest do not.
/// </summary>
public sealed class SimulatedSdm630Meter : IAsyncDisposable
{
    /// <summary>The unit id it answers to (Eastron's default Modbus address is 1).</summary>
    public const byte UnitId = 1;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SimModbusRegisterBank _bank = new();
    private DateTimeOffset _last;
    private double _importKilowattHours = 1234.5;

    /// <summary>Starts the meter, with <paramref name="loadWatts"/> spread over the three phases, on a free loopback port.</summary>
    public SimulatedSdm630Meter(TimeProvider time, double loadWatts = 1500, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _last = time.GetUtcNow();
        LoadWatts = loadWatts;
        _bank.Set(SimModbusTable.InputRegisters, 0, new ushort[80]);
        Server = new SimModbusServer(new Dictionary<byte, SimModbusRegisterBank> { [UnitId] = _bank }, port) { BeforeAnswer = Refresh };
        Refresh();
    }

    /// <summary>The Modbus server (its port, request counts and faults).</summary>
    public SimModbusServer Server { get; }

    /// <summary>The total load through the meter, W (positive = import).</summary>
    public double LoadWatts { get; set; }

    /// <summary>The phase voltage, V.</summary>
    public double Volts { get; set; } = 230;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private void Refresh()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _importKilowattHours += Math.Max(0, LoadWatts) / 1000 * Math.Max(0, (now - _last).TotalHours);
            _last = now;
            var phaseWatts = LoadWatts / 3;
            for (ushort phase = 0; phase < 3; phase++)
            {
                Put((ushort)(0 + (2 * phase)), Volts);
                Put((ushort)(6 + (2 * phase)), Math.Abs(phaseWatts) / Volts);
                Put((ushort)(12 + (2 * phase)), phaseWatts);
            }

            Put(52, LoadWatts);
            Put(70, 50.0);
            Put(72, _importKilowattHours);
        }
    }

    private void Put(ushort address, double value) =>
        _bank.Set(SimModbusTable.InputRegisters, address, SimRegisterWords.FromSingle((float)value));
}
