using System.Net.Sockets;

namespace ProofOfHeat.Modbus;

/// <summary>
/// One TCP connection to a server, one request at a time (no pipelining): frames a request with the next transaction
/// id, waits for the reply with the same id, and translates socket and timing failures into the client's exceptions.
/// A connection that timed out, failed or carried garbage is dropped (its stream's state is unknown) and reopened on
/// the next request; after failed connects, the next is not tried before a doubling backoff on the injected clock.
/// </summary>
internal sealed class ModbusConnection(ModbusClientOptions options, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TcpClient? _tcp;
    private NetworkStream? _stream;
    private ushort _transactionId;
    private int _failedConnects;
    private DateTimeOffset _nextConnectAt = DateTimeOffset.MinValue;

    /// <summary>How many times a connection has been opened (for tests of reconnects).</summary>
    public int ConnectsOpened { get; private set; }

    /// <summary>Sends <paramref name="pdu"/> to <paramref name="unitId"/> and returns the reply's PDU.</summary>
    public async Task<byte[]> ExchangeAsync(byte unitId, byte[] pdu, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
            // Each request gets the next id; the server copies it into its reply (Implementation Guide §3.1.3), so a
            // late reply to an earlier request is told apart and skipped.
            var transactionId = unchecked(++_transactionId);
            using var timeout = new CancellationTokenSource(options.ReplyTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await stream.WriteAsync(ModbusFrame.Encode(transactionId, unitId, pdu), linked.Token).ConfigureAwait(false);
                return await ReadReplyAsync(stream, transactionId, unitId, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Drop();
                throw new ModbusTimeoutException($"no reply from {Where} (unit {unitId}) within {options.ReplyTimeout.TotalSeconds:0.###} s");
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                Drop();
                throw new ModbusConnectionException($"connection to {Where} lost: {e.Message}", e);
            }
            catch (ModbusProtocolException)
            {
                Drop();
                throw;
            }
            catch (OperationCanceledException)
            {
                Drop();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Drop();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Where => $"{options.Host}:{options.Port}";

    private static async Task<byte[]> ReadReplyAsync(NetworkStream stream, ushort transactionId, byte unitId, CancellationToken cancellationToken)
    {
        var header = new byte[ModbusFrame.HeaderLength];
        while (true)
        {
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            var (replyId, replyUnit, pduLength) = ModbusFrame.DecodeHeader(header);
            var pdu = new byte[pduLength];
            await stream.ReadExactlyAsync(pdu, cancellationToken).ConfigureAwait(false);
            if (replyId != transactionId)
            {
                continue; // a reply to an earlier request that timed out on this connection: not ours
            }

            // The server copies the unit id of the request into its reply (Implementation Guide §3.1.3).
            return replyUnit == unitId
                ? pdu
                : throw new ModbusProtocolException($"reply from unit {replyUnit} to a request for unit {unitId}");
        }
    }

    private async Task<NetworkStream> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_stream is { } open)
        {
            return open;
        }

        var now = time.GetUtcNow();
        if (now < _nextConnectAt)
        {
            throw new ModbusConnectionException(
                $"not reconnecting to {Where} for {(_nextConnectAt - now).TotalSeconds:0.#} s after {_failedConnects} failed connects");
        }

        var tcp = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            _failedConnects++;
            var backoff = TimeSpan.FromTicks(Math.Min(
                options.MaximumReconnectBackoff.Ticks,
                options.ReconnectBackoff.Ticks * (1L << Math.Min(_failedConnects - 1, 20))));
            _nextConnectAt = time.GetUtcNow() + backoff;
            var why = e is OperationCanceledException ? $"no connection within {options.ConnectTimeout.TotalSeconds:0.###} s" : e.Message;
            throw new ModbusConnectionException($"cannot connect to {Where}: {why}", e);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        _failedConnects = 0;
        _nextConnectAt = DateTimeOffset.MinValue;
        ConnectsOpened++;
        _tcp = tcp;
        _stream = tcp.GetStream();
        return _stream;
    }

    private void Drop()
    {
        _stream?.Dispose();
        _tcp?.Dispose();
        _stream = null;
        _tcp = null;
    }
}
