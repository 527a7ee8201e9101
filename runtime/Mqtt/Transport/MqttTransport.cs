using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ProofOfHeat.Mqtt.Transport;

/// <summary>
/// The byte transport: a TCP socket, optionally wrapped in TLS, read through a <see cref="PipeReader"/>. It knows
/// nothing about MQTT. It is the one place where socket, I/O and TLS errors become
/// <see cref="MqttCommunicationException"/> (see <see cref="Translate"/>).
/// </summary>
internal sealed class MqttTransport : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private int _closed;

    private MqttTransport(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096));
    }

    /// <summary>Opens the TCP connection (and TLS when configured) to the broker.</summary>
    public static async Task<MqttTransport> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.Host,
                        RemoteCertificateValidationCallback = TlsCertificateValidator.Create(options),
                    },
                    cancellationToken);
            }

            return new MqttTransport(socket, stream);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }

            socket.Dispose();
            throw Translate(ex, $"Cannot connect to {options.Host}:{options.Port}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads whatever bytes are available (see <see cref="PipeReader.ReadAsync"/>).</summary>
    public async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Translate(ex, "Receive failed");
        }
    }

    /// <summary>Marks bytes as consumed and examined (see <see cref="PipeReader.AdvanceTo(SequencePosition, SequencePosition)"/>).</summary>
    public void AdvanceTo(SequencePosition consumed, SequencePosition examined) => _reader.AdvanceTo(consumed, examined);

    /// <summary>Writes <paramref name="bytes"/> and flushes them.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Translate(ex, "Send failed");
        }
    }

    /// <summary>Closes the socket at once (no orderly TLS or MQTT goodbye); pending reads and writes fail.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Already closed by the peer.
            }
            catch (ObjectDisposedException)
            {
                // Already disposed.
            }

            _socket.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Abort();
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }

    /// <summary>Whether <paramref name="ex"/> is a failure of the transport (and not cancellation or a bug).</summary>
    private static bool IsTransportFailure(Exception ex) =>
        ex is SocketException or IOException or AuthenticationException or ObjectDisposedException;

    /// <summary>The single translation of transport failures into <see cref="MqttCommunicationException"/>.</summary>
    private static MqttCommunicationException Translate(Exception ex, string what)
    {
        var root = ex is IOException { InnerException: SocketException inner } ? inner : ex;
        var detail = root switch
        {
            SocketException s => $"{s.SocketErrorCode}: {s.Message}",
            ObjectDisposedException => "the connection was closed",
            _ => root.Message,
        };
        return new MqttCommunicationException($"{what}: {detail}", ex);
    }
}
