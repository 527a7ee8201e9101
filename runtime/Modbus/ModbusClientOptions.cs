namespace ProofOfHeat.Modbus;

/// <summary>Where a Modbus TCP server is and the bounds the client keeps.</summary>
public sealed record ModbusClientOptions
{
    /// <summary>The standard Modbus TCP port, 502 (MODBUS Messaging on TCP/IP Implementation Guide V1.0b, §4.1.1).</summary>
    public const int DefaultPort = 502;

    /// <summary>The server's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Time to open the connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time for a reply once a request is sent.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The wait before reconnecting after the first failed connect; it doubles with each further failure.</summary>
    public TimeSpan ReconnectBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts.</summary>
    public TimeSpan MaximumReconnectBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
