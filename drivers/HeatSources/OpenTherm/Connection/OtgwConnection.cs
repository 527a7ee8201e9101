using System.Net.Sockets;
using System.Text;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Connection;

/// <summary>
/// One TCP connection to a gateway's serial port (ser2net, ESP-link and the NodoShop ESP's port 25238 pass the serial
/// line through unchanged). A read loop folds boiler reports into <see cref="Status"/> and completes the one command
/// in flight with its reply; commands are sent one at a time, as the firmware answers them in order.
/// </summary>
internal sealed class OtgwConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly OtgwLineSplitter _splitter = new();
    private readonly Task _readLoop;
    private readonly object _gate = new();
    private TaskCompletionSource<OtgwLine>? _pendingReply;
    private string? _pendingCode;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OtgwBoilerStatus _status = OtgwBoilerStatus.Empty;

    private OtgwConnection(TcpClient tcp, TimeProvider time)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _time = time;
        _readLoop = ReadLoopAsync(_closing.Token);
    }

    /// <summary>Whether the read loop still runs (the socket is open).</summary>
    public bool IsOpen => !_readLoop.IsCompleted;

    /// <summary>What the boiler last reported.</summary>
    public OtgwBoilerStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Lines that were none of report, reply or error (noise, banners).</summary>
    public long OtherLineCount { get; private set; }

    /// <summary>Connects within <paramref name="timeout"/>.</summary>
    public static async Task<OtgwConnection> ConnectAsync(string host, int port, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        using var limit = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await tcp.ConnectAsync(host, port, bounded.Token).ConfigureAwait(false);
            return new OtgwConnection(tcp, time);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new OtgwException(OtgwFailure.Unreachable, $"The gateway at {host}:{port} could not be reached: {e.Message}", innerException: e);
        }
    }

    /// <summary>Sends a command and waits for its acknowledgement; returns the value the gateway echoed.</summary>
    /// <exception cref="OtgwException">Rejected, timed out or the connection ended.</exception>
    public async Task<string> SendAsync(OtgwCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reply = new TaskCompletionSource<OtgwLine>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (!IsOpen)
                {
                    throw new OtgwException(OtgwFailure.ConnectionLost, "The connection to the gateway is closed.");
                }

                _pendingReply = reply;
                _pendingCode = command.Code;
            }

            try
            {
                await _stream.WriteAsync(Encoding.ASCII.GetBytes(command.ToLine()), cancellationToken).ConfigureAwait(false);
                var line = await reply.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
                return line.Kind == OtgwLineKind.Error
                    ? throw new OtgwException(OtgwFailure.Rejected, $"The gateway refused {command}: {line.Error}.", line.Error)
                    : line.Value ?? string.Empty;
            }
            catch (TimeoutException e)
            {
                throw new OtgwException(OtgwFailure.Timeout, $"The gateway did not answer {command} within {timeout.TotalSeconds:0.#} s.", innerException: e);
            }
            catch (IOException e)
            {
                throw new OtgwException(OtgwFailure.ConnectionLost, $"The connection broke while sending {command}.", innerException: e);
            }
            finally
            {
                lock (_gate)
                {
                    _pendingReply = null;
                    _pendingCode = null;
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits until the boiler's status satisfies <paramref name="condition"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForStatusAsync(Func<OtgwBoilerStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_status))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero || !IsOpen)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        _tcp.Dispose();
        await _readLoop.ConfigureAwait(false);
        _closing.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                _splitter.Feed(buffer.AsSpan(0, read), OnLine);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended; whoever waits learns it below.
        }
        finally
        {
            TaskCompletionSource<OtgwLine>? pending;
            TaskCompletionSource changed;
            lock (_gate)
            {
                pending = _pendingReply;
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            pending?.TrySetException(new OtgwException(OtgwFailure.ConnectionLost, "The gateway closed the connection."));
            changed.TrySetResult();
        }
    }

    private void OnLine(string text)
    {
        var line = OtgwLineParser.Parse(text);
        switch (line.Kind)
        {
            case OtgwLineKind.Report:
                TaskCompletionSource changed;
                lock (_gate)
                {
                    _status = OtgwBoilerStatusDecoder.Apply(_status, line, _time.GetUtcNow());
                    changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed.TrySetResult();
                break;
            case OtgwLineKind.Reply or OtgwLineKind.Error:
                lock (_gate)
                {
                    // Errors carry no code, but only one command is ever in flight; a reply to another code is stale.
                    if (line.Kind == OtgwLineKind.Error || line.Command == _pendingCode)
                    {
                        _pendingReply?.TrySetResult(line);
                    }
                }

                break;
            default:
                OtherLineCount++;
                break;
        }
    }
}
