using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// The one place where socket, I/O and frame-format errors become <see cref="HomeAssistantConnectionException"/>.
/// Our own exceptions and cancellation pass through unchanged.
/// </summary>
internal static class HaTransportErrors
{
    /// <summary>True for errors that mean the connection is broken and must not be reused.</summary>
    public static bool IsConnectionError(Exception error) =>
        error is WebSocketException or IOException or SocketException or ObjectDisposedException or JsonException
            or InvalidOperationException;

    /// <summary>Wraps a transport or decode error; <paramref name="operation"/> says what we were doing.</summary>
    public static HomeAssistantConnectionException Translate(Exception error, string operation) => error switch
    {
        JsonException => new HomeAssistantConnectionException($"Home Assistant sent a malformed frame while {operation}.", error),
        WebSocketException { WebSocketErrorCode: WebSocketError.InvalidMessageType } =>
            new HomeAssistantConnectionException($"Home Assistant sent a non-text frame while {operation}.", error),
        _ => new HomeAssistantConnectionException($"The connection to Home Assistant failed while {operation}: {error.Message}", error),
    };
}
