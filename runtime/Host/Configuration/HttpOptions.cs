using System.ComponentModel.DataAnnotations;

namespace ProofOfHeat.Host.Configuration;

/// <summary>The HTTP API (<c>http:</c>).</summary>
internal sealed class HttpOptions
{
    /// <summary>The address to listen on: an IP address or <c>localhost</c>.</summary>
    /// <value>Default: <c>127.0.0.1</c>; <c>0.0.0.0</c> in add-on mode so that ingress can reach it.</value>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (the actual URL is printed on stderr).</summary>
    /// <value>Default: 8099.</value>
    [Range(0, 65535)]
    public int Port { get; set; } = 8099;
}
