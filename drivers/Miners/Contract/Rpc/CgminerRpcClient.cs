using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Rpc;

/// <summary>
/// The cgminer-family TCP API (cgminer's API-README and pyasic's RPC client): one JSON request per
/// connection; the reply ends with a NUL byte or with the server closing. Connect and reply are
/// bounded by <see cref="MinerTimeouts"/>. Transport failures become
/// <see cref="MinerUnreachableException"/>, unparseable replies <see cref="MinerProtocolException"/>.
/// </summary>
public sealed class CgminerRpcClient
{
    private const int MaximumReplyBytes = 4 * 1024 * 1024;
    private readonly string _host;
    private readonly int _port;
    private readonly MinerTimeouts _timeouts;
    private readonly TimeProvider _time;

    /// <summary>Creates a client for <paramref name="host"/>:<paramref name="port"/>; does no I/O.</summary>
    public CgminerRpcClient(string host, int port, MinerTimeouts timeouts, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(timeouts);
        ArgumentNullException.ThrowIfNull(time);
        _host = host;
        _port = port;
        _timeouts = timeouts;
        _time = time;
    }

    /// <summary>Sends <c>{"command":…,"parameter":…}</c> and parses the reply (tolerantly).</summary>
    public async Task<CgminerReply> CommandAsync(string command, string? parameter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var request = parameter is null
            ? JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command })
            : JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command, ["parameter"] = parameter });
        var text = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        return CgminerReply.Parse(command, text);
    }

    /// <summary>
    /// Sends <paramref name="request"/> as it is and returns the reply text without its NUL. A reply
    /// that never ends is accepted when what arrived is complete JSON (some firmware omits the NUL and
    /// keeps the socket open); otherwise the wait for it ends in an exception.
    /// </summary>
    public async Task<string> SendRawAsync(string request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = new TcpClient();
        using (var connectTimeout = new CancellationTokenSource(_timeouts.Connect, _time))
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
        {
            try
            {
                await client.ConnectAsync(_host, _port, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MinerUnreachableException($"{_host}:{_port} did not accept a connection within {_timeouts.Connect.TotalSeconds:0.#} s.");
            }
            catch (SocketException e)
            {
                throw new MinerUnreachableException($"{_host}:{_port}: {e.Message}", e);
            }
        }

        var stream = client.GetStream();
        var received = new MemoryStream();
        using var replyTimeout = new CancellationTokenSource(_timeouts.Reply, _time);
        using var reply = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, replyTimeout.Token);
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request), reply.Token).ConfigureAwait(false);
            var buffer = new byte[8192];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, reply.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var nul = Array.IndexOf(buffer, (byte)0, 0, read);
                received.Write(buffer, 0, nul < 0 ? read : nul);
                if (nul >= 0)
                {
                    break;
                }

                if (received.Length > MaximumReplyBytes)
                {
                    throw new MinerProtocolException($"{_host}:{_port} sent more than {MaximumReplyBytes} bytes without ending its reply.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var partial = Encoding.UTF8.GetString(received.ToArray());
            if (partial.Length > 0 && CgminerJson.TryParse(partial, out var document))
            {
                document.Dispose();
                return partial;
            }

            throw partial.Length == 0
                ? new MinerUnreachableException($"{_host}:{_port} sent no reply within {_timeouts.Reply.TotalSeconds:0.#} s.")
                : new MinerProtocolException($"{_host}:{_port} did not finish its reply within {_timeouts.Reply.TotalSeconds:0.#} s ({partial.Length} characters arrived).");
        }
        catch (IOException e)
        {
            throw new MinerUnreachableException($"{_host}:{_port}: {e.Message}", e);
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        if (text.Length == 0)
        {
            throw new MinerUnreachableException($"{_host}:{_port} closed the connection without a reply.");
        }

        return text;
    }
}
