using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// The miner entries' checks: the entry's own (<see cref="MinerFleetOptions.FindMinerProblems"/>: id, ports, an id
/// used twice — which the loader does not run, because at run time a bad entry disables only its miner), those that
/// need the drivers loaded (a family is known only once plugins are), and the host's form, which the drivers only
/// meet when they first connect. <c>check-config</c> runs them after loading so that a bad entry is reported with its
/// file and line before the fleet ever starts; each key is checked on its own, so one entry with four mistakes gets
/// four errors.
/// </summary>
internal static class MinerEntryChecks
{
    /// <summary>Every problem in the miner entries of <paramref name="config"/>, in the order written.</summary>
    public static IReadOnlyList<ConfigError> Check(LoadedConfig config, MinerDriverCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<ConfigError>();
        foreach (var section in config.Options.Apps.Values)
        {
            if (section.Options is not MinerFleetOptions fleet)
            {
                continue;
            }

            // The host has its own check below, which shows the value (redacted).
            foreach (var problem in fleet.FindMinerProblems().Where(p => p.Key != "host" || string.IsNullOrWhiteSpace(p.Miner.Host)))
            {
                errors.Add(new ConfigError(config.Sources.LocationOf(problem.Miner, problem.Key), config.Sources.PathOf(problem.Miner, problem.Key),
                    problem.Problem, "Fix this miner's entry; until then the fleet runs without this miner"));
            }

            foreach (var miner in fleet.Miners ?? [])
            {
                CheckFamily(miner, catalog, config.Sources, errors);
                CheckHost(miner, config.Sources, errors);
            }
        }

        return errors;
    }

    private static void CheckFamily(FleetMinerOptions miner, MinerDriverCatalog catalog, ConfigSources sources, List<ConfigError> errors)
    {
        if (string.IsNullOrWhiteSpace(miner.Family) || catalog.Contains(miner.Family))
        {
            return;
        }

        var families = catalog.Factories.Select(f => f.Family).ToList();
        var suggestion = KeySuggester.Suggest(miner.Family, families);
        var problem = suggestion is null
            ? $"no miner driver has the family `{miner.Family}`"
            : $"no miner driver has the family `{miner.Family}`; did you mean `{suggestion}`?";
        errors.Add(new ConfigError(sources.LocationOf(miner, "family"), sources.PathOf(miner, "family"), problem,
            $"Write one of {string.Join(", ", families)}, or load the plugin that adds it under `plugins.load`"));
    }

    private static void CheckHost(FleetMinerOptions miner, ConfigSources sources, List<ConfigError> errors)
    {
        // CheckHostName accepts DNS names and IPv4/IPv6 addresses and nothing else: not `host:port`, not a URL.
        if (string.IsNullOrWhiteSpace(miner.Host) || Uri.CheckHostName(miner.Host) != UriHostNameType.Unknown)
        {
            return;
        }

        errors.Add(new ConfigError(sources.LocationOf(miner, "host"), sources.PathOf(miner, "host"),
            $"\"{UrlRedaction.Redact(miner.Host)}\" is not a host name or IP address",
            "Write the address alone (192.168.1.50 or miner1.local); a port goes in `http_port` or `rpc_port`"));
    }
}
