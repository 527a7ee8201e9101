using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ProofOfHeat.Sim.HeatSources.Boiler;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Sim.HeatSources.OpenTherm;

/// <summary>
/// An OpenTherm Gateway on loopback TCP, as its serial port looks through ser2net or the NodoShop ESP
/// (otgw.tclcode.com/firmware.html): a thermostat and a boiler exchange one message per interval, each reported as a
/// T line and a B line (R when the gateway overrides the thermostat's request); serial commands (CS, CH, MM, SH, SW,
/// TT, TC) are acknowledged "XX: value" or refused with NG/SE/BV/OR. The boiler behind it is <see cref="SimulatedBoiler"/>.
/// </summary>
public sealed class OtgwSimulator : IAsyncDisposable
{
    // Status and the control setpoint come round most often, as in the gateway's own stand-alone sequence
    // (otgw.tclcode.com/standalone.html), the other ids in turn.
    private static readonly int[] Cycle = [0, 25, 1, 17, 0, 28, 1, 5, 0, 14, 1, 56, 0, 57, 1, 27];
    private readonly OtgwSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly LoopbackTcpServer _server;
    private readonly object _gate = new();
    private readonly List<OtgwSimSession> _sessions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _exchangeLoop;
    private int _cycleIndex;
    private double? _setpointOverride;
    private bool _chEnableBit = true;
    private int _commands;

    /// <summary>Starts listening on a free loopback port and exchanging messages.</summary>
    public OtgwSimulator(OtgwSimulatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        Boiler = new SimulatedBoiler(options.Boiler, options.Start) { ControlSetpoint = options.ThermostatControlSetpoint };
        _server = new LoopbackTcpServer(ServeAsync);
        _exchangeLoop = ExchangeLoopAsync(_stopping.Token);
    }

    /// <summary>The port the gateway listens on.</summary>
    public int Port => _server.Port;

    /// <summary>Switchable misbehaviour.</summary>
    public OtgwSimulatorFaults Faults { get; } = new();

    /// <summary>The boiler (read it under <see cref="Read{T}"/> for a consistent view).</summary>
    public SimulatedBoiler Boiler { get; }

    /// <summary>Commands received so far (including refused ones).</summary>
    public int CommandCount => Volatile.Read(ref _commands);

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => _server.ConnectionCount;

    /// <summary>Reads the boiler consistently with the exchange loop.</summary>
    public T Read<T>(Func<SimulatedBoiler, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(Boiler);
        }
    }

    /// <summary>Closes every open connection at once, as a Wi-Fi drop or a gateway reset does.</summary>
    public void DropConnections()
    {
        lock (_gate)
        {
            foreach (var session in _sessions)
            {
                session.Drop();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _exchangeLoop.ConfigureAwait(false);
        DropConnections();
        await _server.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ExchangeLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.ReportInterval, _time, cancellationToken).ConfigureAwait(false);
                List<string> lines;
                OtgwSimSession[] sessions;
                lock (_gate)
                {
                    Boiler.Step(_options.SimulatedStepPerReport);
                    lines = Exchange(Cycle[_cycleIndex++ % Cycle.Length]);
                    sessions = [.. _sessions];
                }

                if (Faults.Silent)
                {
                    continue;
                }

                if (Faults.Garbage)
                {
                    lines.InsertRange(0, GarbageLines());
                }

                foreach (var session in sessions)
                {
                    await session.WriteLinesAsync(lines, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private List<string> Exchange(int id)
    {
        var b = Boiler;
        switch (id)
        {
            case 0:
                var master = (b.CentralHeatingEnabled ? 0x01 : 0) | 0x02;
                var slave = (b.Fault ? 0x01 : 0) | (b.CentralHeatingActive ? 0x02 : 0) | (b.Flame ? 0x08 : 0);
                return [OtgwSimFrame.Line('T', OtgwSimFrame.ReadData, 0, master << 8), OtgwSimFrame.Line('B', OtgwSimFrame.ReadAck, 0, (master << 8) | slave)];
            case 1:
                var asked = _setpointOverride ?? _options.ThermostatControlSetpoint;
                var lines = new List<string> { OtgwSimFrame.Line('T', OtgwSimFrame.WriteData, 1, OtgwSimFrame.F88(_options.ThermostatControlSetpoint)) };
                if (_setpointOverride is not null)
                {
                    lines.Add(OtgwSimFrame.Line('R', OtgwSimFrame.WriteData, 1, OtgwSimFrame.F88(asked)));
                }

                if (Faults.BoilerRefusesSetpoint || asked > b.MaxControlSetpoint)
                {
                    lines.Add(OtgwSimFrame.Line('B', OtgwSimFrame.DataInvalid, 1, OtgwSimFrame.F88(asked)));
                }
                else
                {
                    b.ControlSetpoint = asked;
                    lines.Add(OtgwSimFrame.Line('B', OtgwSimFrame.WriteAck, 1, OtgwSimFrame.F88(asked)));
                }

                return lines;
            case 5:
                return [OtgwSimFrame.Line('T', OtgwSimFrame.ReadData, 5, 0), OtgwSimFrame.Line('B', OtgwSimFrame.ReadAck, 5, b.Fault ? 0x0112 : 0)];
            default:
                var value = id switch
                {
                    25 => b.FlowTemperature,
                    17 => b.Modulation,
                    28 => b.ReturnTemperature,
                    14 => b.MaxModulation,
                    56 => b.DhwSetpoint,
                    27 => 2.5,
                    _ => b.MaxControlSetpoint,
                };
                return [OtgwSimFrame.Line('T', OtgwSimFrame.ReadData, id, 0), OtgwSimFrame.Line('B', OtgwSimFrame.ReadAck, id, OtgwSimFrame.F88(value))];
        }
    }

    private static List<string> GarbageLines() =>
    [
        "\u00de\u00ad\u00be\u00ef\u0000{\"x]",
        "B4019",
        "Z12345678",
        "B4" + new string('F', 300),
        "B00190A01", // parity wrong: the count of ones is odd
        "Error 02",
    ];

    /// <summary>Handles one serial command; returns the reply line.</summary>
    private string Command(string line)
    {
        if (Faults.RejectCommandsWith is { } rejection)
        {
            return rejection;
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals != 2 || !char.IsAsciiLetterUpper(line[0]) || !char.IsAsciiLetterUpper(line[1]))
        {
            return "SE";
        }

        var code = line[..2];
        var text = line[3..].Trim();
        if (code is not ("CS" or "CH" or "MM" or "SH" or "SW" or "TT" or "TC"))
        {
            return "NG";
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return "BV";
        }

        if (Faults.IgnoreCommands)
        {
            return code + ": " + value.ToString(code is "CH" or "MM" ? "0" : "0.00", CultureInfo.InvariantCulture);
        }

        lock (_gate)
        {
            switch (code)
            {
                case "CS" when value is < 0 or > 90:
                case "MM" when value is < 0 or > 100:
                case "SH" or "SW" when value is < 0 or > 90:
                case "TT" or "TC" when value is < 0 or > 30:
                    return "OR";
                case "CS":
                    _setpointOverride = value == 0 ? null : value;
                    Boiler.CentralHeatingEnabled = _setpointOverride is null || _chEnableBit;
                    break;
                case "CH":
                    _chEnableBit = value != 0;
                    Boiler.CentralHeatingEnabled = _setpointOverride is null || _chEnableBit;
                    return "CH: " + (_chEnableBit ? "1" : "0");
                case "MM":
                    Boiler.MaxModulation = value;
                    return "MM: " + ((int)value).ToString(CultureInfo.InvariantCulture);
                case "SH":
                    Boiler.MaxControlSetpoint = value;
                    break;
                case "SW":
                    Boiler.DhwSetpoint = value;
                    break;
            }
        }

        return code + ": " + value.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var session = new OtgwSimSession(stream, cancellationToken);
        lock (_gate)
        {
            _sessions.Add(session);
        }

        try
        {
            var pending = new StringBuilder();
            var buffer = new byte[256];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, session.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                foreach (var c in Encoding.ASCII.GetString(buffer, 0, read))
                {
                    if (c is not ('\r' or '\n'))
                    {
                        pending.Append(c);
                        continue;
                    }

                    if (pending.Length == 0)
                    {
                        continue;
                    }

                    var line = pending.ToString();
                    pending.Clear();
                    Interlocked.Increment(ref _commands);
                    if (!Faults.Silent)
                    {
                        await session.WriteLinesAsync([Command(line)], session.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _sessions.Remove(session);
            }
        }
    }
}
