using System.Net;
using System.Net.Sockets;

namespace ProofOfHeat.TestKit.Net;

/// <summary>Loopback ports for tests.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A loopback port nothing listens on right now (the system picks a free one, and it is released
    /// at once): for a server the test starts on it, or for a probe that must be refused.
    /// </summary>
    public static int Unused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
