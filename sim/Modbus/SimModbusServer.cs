using System.Buffers.Binary;
using System.Net.Sockets;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Sim.Modbus;

/// <summary>
/// A Modbus TCP server on loopback serving one register bank per unit id (a device, or a gateway with several), strict
/// about the protocol (Modbus Application Protocol Specification V1.1b3 §6; MODBUS Messaging on TCP/IP Implementation
/// Guide V1.0b §3.1.3) and able to misbehave on command (<see cref="Faults"/>).
/// </summary>
public sealed class SimModbusServer : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<byte, SimModbusRegisterBank> _units;
    private readonly LoopbackTcpServer _tcp;
    private int _requests;
    private int _writes;

    /// <summary>Starts serving <paramref name="units"/> on a free loopback port (or <paramref name="port"/>).</summary>
    public SimModbusServer(IReadOnlyDictionary<byte, SimModbusRegisterBank> units, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(units);
        _units = units;
        _tcp = new LoopbackTcpServer(ServeAsync, port);
    }

    /// <summary>The port listened on.</summary>
    public int Port => _tcp.Port;

    /// <summary>How the server misbehaves.</summary>
    public SimModbusFaults Faults { get; } = new();

    /// <summary>
    /// Decides a write before it is stored: return an exception code to refuse it (e.g. 3 for a value the device does
    /// not accept) or null to take it. Called with the table, address and the word (a coil as 0 or 1).
    /// </summary>
    public Func<SimModbusTable, ushort, ushort, byte?>? WriteFilter { get; set; }

    /// <summary>Called before each request is answered, so the device can bring its readings up to date.</summary>
    public Action? BeforeAnswer { get; set; }

    /// <summary>Called after a write was stored, so the device can react.</summary>
    public Action<SimModbusTable, ushort>? Written { get; set; }

    /// <summary>Requests received so far (every function).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Write requests received so far (functions 5, 6, 15, 16), whether followed or not.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Connections accepted so far.</summary>
    public int Connections => _tcp.ConnectionCount;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Faults.ReleaseReplies();
        await _tcp.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        byte[]? previous = null;
        var header = new byte[7];
        while (!cancellationToken.IsCancellationRequested)
        {
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
            if (BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)) != 0 || length is < 2 or > 254)
            {
                return; // not Modbus: a real device closes the connection
            }

            var pdu = new byte[length - 1];
            await stream.ReadExactlyAsync(pdu, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            if (Faults.DropNextRequest)
            {
                Faults.DropNextRequest = false;
                return;
            }

            if (Faults.Silent)
            {
                continue;
            }

            var reply = Frame(header, Answer(header[6], pdu));
            await Faults.WhenRepliesMayGo(cancellationToken).ConfigureAwait(false);
            if (Faults.Garbage)
            {
                reply[2] = 0x12; // protocol id 0x1200: not Modbus
            }

            if (Faults.StaleReplyFirst && previous is not null)
            {
                await stream.WriteAsync(previous, cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync(reply, cancellationToken).ConfigureAwait(false);
            previous = reply;
        }
    }

    // The reply copies the request's transaction id, protocol id and unit id; its length counts unit id and PDU.
    private static byte[] Frame(byte[] requestHeader, byte[] pdu)
    {
        var frame = new byte[7 + pdu.Length];
        requestHeader.AsSpan(0, 7).CopyTo(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(pdu.Length + 1));
        pdu.CopyTo(frame.AsSpan(7));
        return frame;
    }

    private byte[] Answer(byte unit, byte[] pdu)
    {
        var function = pdu[0];
        var writing = function is 5 or 6 or 15 or 16;
        if (writing)
        {
            Interlocked.Increment(ref _writes);
        }

        if (!_units.TryGetValue(unit, out var bank))
        {
            return Exception(function, 0x0B); // gateway target device failed to respond (V1.1b3 §7)
        }

        if (Faults.RefuseAllWith is { } all)
        {
            return Exception(function, all);
        }

        if (writing && Faults.RefuseWritesWith is { } refuse)
        {
            return Exception(function, refuse);
        }

        BeforeAnswer?.Invoke();
        return pdu.Length < 5 ? Exception(function, 0x03) : new SimModbusRequestHandler(bank, this).Handle(pdu);
    }

    internal byte? Filter(SimModbusTable table, ushort address, ushort value) => WriteFilter?.Invoke(table, address, value);

    internal void AfterWrite(SimModbusTable table, ushort address) => Written?.Invoke(table, address);

    internal static byte[] Exception(byte function, byte code) => [(byte)(function | 0x80), code];
}
