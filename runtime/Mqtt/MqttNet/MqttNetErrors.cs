using System.Net.Sockets;
using System.Security.Authentication;
using NetExceptions = MQTTnet.Exceptions;

namespace ProofOfHeat.Mqtt.MqttNet;

/// <summary>The one place where MQTTnet's and the socket's errors become this client's own exceptions.</summary>
internal static class MqttNetErrors
{
    /// <summary>Whether <paramref name="ex"/> is a failure of the connection (and not cancellation or a bug of ours).</summary>
    /// <remarks>
    /// <see cref="InvalidOperationException"/> is MQTTnet's "not connected" after its client disposed itself on an
    /// earlier error (LowLevelMqttClient disposes its adapter on any failed send or receive).
    /// </remarks>
    public static bool IsWireFailure(Exception ex) =>
        ex is NetExceptions.MqttCommunicationException or NetExceptions.MqttProtocolViolationException
            or SocketException or IOException or AuthenticationException or ObjectDisposedException or InvalidOperationException;

    public static MqttException Translate(Exception ex, string what)
    {
        if (ex is NetExceptions.MqttProtocolViolationException violation)
        {
            return new MqttProtocolException($"{what}: {violation.Message}", ex);
        }

        var root = ex;
        while (root.InnerException is { } inner && root is NetExceptions.MqttCommunicationException or IOException)
        {
            root = inner;
        }

        var detail = root switch
        {
            SocketException s => $"{s.SocketErrorCode}: {s.Message}",
            ObjectDisposedException or InvalidOperationException => "the connection was closed",
            _ => root.Message,
        };
        return new MqttCommunicationException($"{what}: {detail}", ex);
    }
}
