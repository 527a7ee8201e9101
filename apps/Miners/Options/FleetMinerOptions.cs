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
    // No [Range] here: the loader would refuse the whole config at run time, and one bad entry must disable only its
    // miner. FindProblems reports it, at its own line in check-config (MinerEntryChecks).
    public int? HttpPort { get; set; }

    /// <summary>The cgminer-style RPC port, or null for the default.</summary>
    public int? RpcPort { get; set; }

    /// <summary>The Whatsminer API v3 port, or null for the default.</summary>
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

    /// <summary>
    /// Every mistake of this entry, each at its key, in the order of the keys; empty when it can work. Not named
    /// <c>Validate</c> on purpose: the config loader runs every <c>Validate()</c> and refuses the whole config, while a
    /// bad entry must only disable its own miner at run time (issue 10) — <c>check-config</c> still reports each one.
    /// </summary>
    public IReadOnlyList<MinerEntryProblem> FindProblems()
    {
        var problems = new List<MinerEntryProblem>();
        if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            problems.Add(new(this, "id", $"id '{Id}' must be lower-case letters, digits, '_' or '-'"));
        }

        if (string.IsNullOrWhiteSpace(Family))
        {
            problems.Add(new(this, "family", "a family is needed"));
        }

        // CheckHostName accepts DNS names and IPv4/IPv6 addresses and nothing else: not `host:port`, not a URL. The
        // value is not repeated: a URL written here may hold a password.
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add(new(this, "host", "a host is needed"));
        }
        else if (Uri.CheckHostName(Host) == UriHostNameType.Unknown)
        {
            problems.Add(new(this, "host", "the host is not a host name or IP address (a port goes in http_port or rpc_port)"));
        }

        foreach (var (key, port) in new[] { ("http_port", HttpPort), ("rpc_port", RpcPort), ("whatsminer_v3_port", WhatsminerV3Port) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add(new(this, key, $"{key} {port} is outside 1..65535"));
            }
        }

        try
        {
            Dwell?.Validate("dwell");
        }
        catch (ArgumentException e)
        {
            problems.Add(new(this, "dwell", e.Message.TrimEnd('.')));
        }

        return problems;
    }
}
