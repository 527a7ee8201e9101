using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/config/check</c>: the checks <c>poh check-config</c> runs (<see cref="ConfigLoader.Load"/> and the
/// miner entries against the loaded drivers), run again on the files the brain was started from, as JSON: whether the
/// config is valid, where it came from, and each problem with its file, line and column. The brain validated its
/// config when it started, so a problem here means a file changed since.
/// </summary>
internal static class ConfigCheckEndpoint
{
    /// <summary>The check's answer (always 200: a config with problems is a finding, not a failed request).</summary>
    public static ApiResult Get(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = (BrainHostSettings)services.GetService(typeof(BrainHostSettings))!;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        var request = new ConfigRequest(settings.Config.ConfigFile, environment, workingDirectory, settings.Apps ?? AppCatalog.Shipped());
        try
        {
            var loaded = ConfigLoader.Load(request, config => CheckMiners(config, workingDirectory));
            return ApiResult.Json(new { ok = true, sources = loaded.DescribeSources(), problems = Array.Empty<object>() });
        }
        catch (ConfigException ex)
        {
            return ApiResult.Json(new
            {
                ok = false,
                sources = settings.Config.DescribeSources(),
                problems = ex.Errors.Select(e => new
                {
                    file = e.Location.Source,
                    line = e.Location.Line,
                    column = e.Location.Column,
                    key = e.KeyPath,
                    problem = e.Problem,
                    fix = e.Fix,
                    text = e.ToString(),
                }).ToList(),
            });
        }
    }

    // As CheckConfigVerb: what only the loaded drivers (plugins included) can judge.
    private static IReadOnlyList<ConfigError> CheckMiners(LoadedConfig config, string workingDirectory)
    {
        try
        {
            return MinerEntryChecks.Check(config, MinerDrivers.CatalogOrConfigError(config, workingDirectory));
        }
        catch (ConfigException ex)
        {
            return ex.Errors;
        }
    }
}
