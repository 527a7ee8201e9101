using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>
/// A scriptable MQTT "broker" on loopback:0 for misbehaviour tests. Tests accept connections one by one and decide
/// what each gets: a CONNACK with any code, garbage, half a packet, silence (no PINGRESP), or an abrupt close.
/// </summary>
public sealed class FakeMqttBroker : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Channel<FakeMqttConnection> _accepted = Channel.CreateUnbounded<FakeMqttConnection>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<FakeMqttConnection> _connections = [];
    private int _connectionCount;

    public FakeMqttBroker()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The port the fake listens on.</summary>
    public int Port { get; }

    /// <summary>How many TCP connections were accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Waits for the next client connection.</summary>
    public async Task<FakeMqttConnection> AcceptAsync(TimeSpan timeout) =>
        await _accepted.Reader.ReadAsync(_stop.Token).AsTask().WaitAsync(timeout);

    /// <summary>Accepts the next connection, reads its CONNECT and answers CONNACK with <paramref name="returnCode"/>.</summary>
    public async Task<FakeMqttConnection> AcceptAndConnAckAsync(TimeSpan timeout, byte returnCode = 0)
    {
        var connection = await AcceptAsync(timeout);
        var connect = await connection.ReadPacketAsync(timeout);
        if (connect.Type != 1)
        {
            throw new InvalidOperationException($"Expected CONNECT, got packet type {connect.Type}.");
        }

        await connection.SendAsync([0x20, 0x02, 0x00, returnCode]);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        FakeMqttConnection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var connection = new FakeMqttConnection(client);
            lock (_connections)
            {
                _connections.Add(connection);
            }

            Interlocked.Increment(ref _connectionCount);
            await _accepted.Writer.WriteAsync(connection, _stop.Token);
        }
    }
}
