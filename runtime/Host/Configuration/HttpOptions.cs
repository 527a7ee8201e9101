using System.ComponentModel.DataAnnotations;

namespace ProofOfHeat.Host.Configuration;

/// <summary>The HTTP API (<c>http:</c>). <see cref="HttpOptionsValidation"/> checks the combinations.</summary>
internal sealed class HttpOptions
{
    /// <summary>The address to listen on: an IP address or <c>localhost</c>. Ignored in add-on mode.</summary>
    /// <value>
    /// Default: <c>127.0.0.1</c>. Anything but loopback needs <see cref="Tokens"/>. In add-on mode the brain
    /// listens only on loopback and on the interface that faces the Supervisor (ingress).
    /// </value>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (the actual URL is printed on stderr).</summary>
    /// <value>Default: 8099.</value>
    [Range(0, 65535)]
    public int Port { get; set; } = 8099;

    /// <summary>
    /// The host names the API answers to besides loopback (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>),
    /// such as <c>poh.lan</c> or <c>192.168.1.10</c>. A request naming any other host is refused (DNS rebinding).
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyList<string> Hosts { get; set; } = [];

    /// <summary>The API tokens, each with a name and a role; callers send one as <c>Authorization: Bearer …</c>.</summary>
    /// <value>Default: none (then only loopback may call the API, as admin). Not used in add-on mode (ingress only).</value>
    public IReadOnlyList<HttpTokenOptions> Tokens { get; set; } = [];

    /// <summary>
    /// The address ingress requests come from in add-on mode. Home Assistant's add-on docs say
    /// "Only connections from 172.30.32.2 must be allowed"
    /// (https://developers.home-assistant.io/docs/apps/presentation#ingress). Changed only by tests.
    /// </summary>
    /// <value>Default: <c>172.30.32.2</c>.</value>
    public string IngressProxy { get; set; } = "172.30.32.2";
}
