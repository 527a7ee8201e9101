using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Hosting;

/// <summary>Everything the host builder needs, resolved from the CLI and the configuration.</summary>
/// <param name="Config">The validated configuration.</param>
/// <param name="Mode">The mode of running.</param>
/// <param name="Apps">The apps found (shipped and the config's plugins); null for the shipped ones only.</param>
/// <param name="Demo">The demo settings, in <see cref="RunMode.Demo"/> only.</param>
/// <param name="DataDirectory">The data directory that holds <c>poh.db</c>.</param>
/// <param name="HttpPort">The HTTP port (the <c>--http-port</c> flag or <c>http.port</c>).</param>
/// <param name="SupervisorBroker">In add-on mode, the MQTT broker the Supervisor offers when the config names none.</param>
internal sealed record BrainHostSettings(
    LoadedConfig Config,
    RunMode Mode,
    DemoOptions? Demo,
    string DataDirectory,
    int HttpPort,
    Composition.MqttBroker? SupervisorBroker = null,
    AppCatalog? Apps = null)
{
    /// <summary>
    /// The data directory: the <c>--data</c> flag, else <c>storage.path</c> (which is <c>/data</c> by
    /// default in add-on mode), else <c>./data</c>.
    /// </summary>
    public static string ResolveDataDirectory(string? flag, LoadedConfig config, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        var chosen = flag ?? config.Options.Storage.Path ?? "data";
        return Path.GetFullPath(chosen, workingDirectory);
    }
}
