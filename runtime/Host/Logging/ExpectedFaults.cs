using System.Net.Sockets;
using System.Net.WebSockets;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// Tells the network faults a home brain meets every day (HA restarting, the broker rebooting, a miner
/// switched off at the wall) from bugs. An expected fault is logged as its message, on the line of
/// the entry that reports it; its stack trace tells nobody anything. Anything else keeps its trace.
/// </summary>
internal static class ExpectedFaults
{
    /// <summary>Whether <paramref name="exception"/> is an ordinary network fault.</summary>
    public static bool IsExpected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // Our clients' own translations of socket and protocol errors (one place per client).
            HomeAssistantConnectionException or HomeAssistantNotConnectedException or HomeAssistantNotReadyException => true,
            MqttCommunicationException or MinerUnreachableException => true,
            SocketException or WebSocketException or TimeoutException or HttpRequestException => true,

            // An IOException is a network fault only when a socket is underneath (a file error is not).
            IOException => IsCausedBySocket(exception.InnerException),
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsExpected),
            _ => false,
        };
    }

    private static bool IsCausedBySocket(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or WebSocketException)
            {
                return true;
            }
        }

        return false;
    }
}
