using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// Where the API listens in add-on mode: loopback (the container's own health check) and the one address of this
/// container on the network that the Supervisor's ingress proxy is on, never every interface. The Supervisor
/// forwards ingress to <c>http://{addon.ip_address}:{ingress_port}/</c> (home-assistant/supervisor
/// <c>supervisor/api/ingress.py</c> <c>_create_url</c>), and that address is on the proxy's subnet.
/// </summary>
internal static class ApiListenAddresses
{
    /// <summary>Loopback plus every local address whose subnet holds <paramref name="ingressProxy"/>.</summary>
    public static IReadOnlyList<IPAddress> ForAddon(IPAddress ingressProxy)
    {
        ArgumentNullException.ThrowIfNull(ingressProxy);
        var addresses = new List<IPAddress> { IPAddress.Loopback };
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus != OperationalStatus.Down))
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork && ingressProxy.AddressFamily == AddressFamily.InterNetwork
                    && SameSubnet(unicast.Address, ingressProxy, unicast.PrefixLength) && !addresses.Contains(unicast.Address))
                {
                    addresses.Add(unicast.Address);
                }
            }
        }

        return addresses;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> share their first <paramref name="prefixLength"/> bits.</summary>
    public static bool SameSubnet(IPAddress a, IPAddress b, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = a.GetAddressBytes();
        var right = b.GetAddressBytes();
        if (left.Length != right.Length || prefixLength < 0 || prefixLength > left.Length * 8)
        {
            return false;
        }

        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((left[bit / 8] & mask) != (right[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
