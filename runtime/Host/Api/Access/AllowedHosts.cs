using System.Net;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// The names a request's <c>Host</c> header may carry: loopback, the bind address and <c>http.hosts</c>. A web
/// page can point its own domain at 127.0.0.1 (DNS rebinding) and so reach a loopback API from the browser;
/// the browser then still sends that domain as <c>Host</c>, which is how the page is told apart.
/// </summary>
internal sealed class AllowedHosts
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", "::1" };

    /// <summary>Allows loopback, <paramref name="http"/>'s bind address (unless a wildcard) and its host list.</summary>
    public AllowedHosts(HttpOptions http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (IPAddress.TryParse(http.Bind, out var bind) && !bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any))
        {
            _names.Add(bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind.ToString());
        }

        foreach (var host in http.Hosts)
        {
            _names.Add(host.TrimEnd('.'));
        }
    }

    /// <summary>Whether <paramref name="host"/> (the <c>Host</c> header's name, without port) is allowed.</summary>
    public bool Allows(string? host) => !string.IsNullOrEmpty(host) && _names.Contains(host.TrimEnd('.'));

    /// <summary>The allowed names, for the error message.</summary>
    public string Describe() => string.Join(", ", _names.Order(StringComparer.Ordinal));
}
