using System.ComponentModel.DataAnnotations;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Options;

/// <summary>One miner of the fleet (config: an item of <c>apps.miners.miners:</c>).</summary>
public sealed class FleetMinerOptions
{
    /// <summary>The stable id (<c>[a-z0-9_-]</c>): part of entity ids and topics, and what other apps call the miner.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name HA shows; the id when empty.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The firmware family (see <see cref="MinerFamilies"/>, or a plugin's id).</summary>
    public string Family { get; set; } = string.Empty;

    /// <summary>Host name or IP address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The web / REST port, or null for the default.</summary>
    // [Range] lets the config loader report a bad port at its own line, beside the other mistakes of the entry.
    [Range(1, 65535)]
    public int? HttpPort { get; set; }

    /// <summary>The cgminer-style RPC port, or null for the default.</summary>
    [Range(1, 65535)]
    public int? RpcPort { get; set; }

    /// <summary>The Whatsminer API v3 port, or null for the default.</summary>
    [Range(1, 65535)]
    public int? WhatsminerV3Port { get; set; }

    /// <summary>User name, or null for the family's default.</summary>
    public string? Username { get; set; }

    /// <summary>Password, or null for the family's default. A secret: never logged (write it with <c>!secret</c>).</summary>
    public string? Password { get; set; }

    /// <summary>The area HA suggests for the device, or null.</summary>
    public string? Area { get; set; }

    /// <summary>Dwell times for this miner, or null for the fleet's.</summary>
    public MinerDwellOptions? Dwell { get; set; }

    /// <summary>The name HA shows.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>Where the driver finds the miner.</summary>
    public MinerEndpoint ToEndpoint()
    {
        var endpoint = new MinerEndpoint(Host) { Username = Username, Password = Password };
        return endpoint with
        {
            HttpPort = HttpPort ?? endpoint.HttpPort,
            RpcPort = RpcPort ?? endpoint.RpcPort,
            WhatsminerV3Port = WhatsminerV3Port ?? endpoint.WhatsminerV3Port,
        };
    }

    /// <summary>Throws when the miner cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"miners: id '{Id}' must be lower-case letters, digits, '_' or '-'.");
        }

        if (string.IsNullOrWhiteSpace(Family))
        {
            throw new ArgumentException($"miners: '{Id}' needs a family.");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException($"miners: '{Id}' needs a host.");
        }

        foreach (var port in new[] { HttpPort, RpcPort, WhatsminerV3Port })
        {
            if (port is < 1 or > 65535)
            {
                throw new ArgumentException($"miners: '{Id}' has a port outside 1..65535.");
            }
        }

        Dwell?.Validate($"miners: '{Id}' dwell");
    }
}
