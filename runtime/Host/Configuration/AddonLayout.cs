namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Where an add-on's folders are and where its Supervisor answers: the container's fixed places, unless the
/// development overrides (<see cref="EnvironmentNames.DataDir"/>, <see cref="EnvironmentNames.AddonConfigDir"/>,
/// <see cref="EnvironmentNames.OptionsFile"/>, <see cref="EnvironmentNames.SupervisorUrl"/>) move them, as the add-on
/// sandbox test does to run the published brain on loopback.
/// </summary>
/// <param name="DataDirectory">The persistent folder (<c>/data</c>): the stores and the Supervisor's <c>options.json</c>.</param>
/// <param name="OptionsFile">The options the Supervisor wrote from the add-on's configuration tab.</param>
/// <param name="ConfigDirectory">The add-on's own config folder (<c>/config</c>), where the full config file lives.</param>
/// <param name="SupervisorUri">The Supervisor's address, <c>http://supervisor/</c>, ending in a slash.</param>
internal sealed record AddonLayout(string DataDirectory, string OptionsFile, string ConfigDirectory, Uri SupervisorUri)
{
    /// <summary>The options file's name in the data folder: the Supervisor writes <c>/data/options.json</c> (developers.home-assistant <c>docs/apps/configuration.md</c>).</summary>
    public const string OptionsFileName = "options.json";

    private static readonly Uri DefaultSupervisorUri = new("http://supervisor/");

    /// <summary>
    /// Home Assistant's WebSocket API through the Supervisor's proxy, <c>ws://supervisor/core/websocket</c>
    /// (home-assistant/supervisor <c>supervisor/api/proxy.py</c>; needs <c>homeassistant_api: true</c>).
    /// </summary>
    public Uri HomeAssistantWebSocketUri => WebSocketUriOf(SupervisorUri);

    /// <summary>Home Assistant's WebSocket API behind the Supervisor at <paramref name="supervisor"/>.</summary>
    public static Uri WebSocketUriOf(Uri supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        return new UriBuilder(new Uri(supervisor, "core/websocket"))
        {
            Scheme = supervisor.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Port = supervisor.IsDefaultPort ? -1 : supervisor.Port,
        }.Uri;
    }

    /// <summary>The layout for <paramref name="environment"/>; relative overrides count from <paramref name="workingDirectory"/>.</summary>
    public static AddonLayout From(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var data = Get(environment, EnvironmentNames.DataDir) is { } dataOverride
            ? Path.GetFullPath(dataOverride, workingDirectory)
            : EnvironmentNames.AddonDataDirectory;
        var options = Get(environment, EnvironmentNames.OptionsFile) is { } optionsOverride
            ? Path.GetFullPath(optionsOverride, workingDirectory)
            : Path.Combine(data, OptionsFileName);
        var config = Get(environment, EnvironmentNames.AddonConfigDir) is { } configOverride
            ? Path.GetFullPath(configOverride, workingDirectory)
            : EnvironmentNames.AddonConfigDirectory;
        return new AddonLayout(data, options, config, SupervisorFrom(environment));
    }

    /// <summary><see cref="EnvironmentNames.SupervisorUrl"/> when it is an http(s) URL, else <c>http://supervisor/</c>; always ends in a slash.</summary>
    public static Uri SupervisorFrom(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Get(environment, EnvironmentNames.SupervisorUrl) is not { } text
            || !Uri.TryCreate(text, UriKind.Absolute, out var given)
            || (given.Scheme != Uri.UriSchemeHttp && given.Scheme != Uri.UriSchemeHttps))
        {
            return DefaultSupervisorUri;
        }

        return given.AbsolutePath.EndsWith('/') ? given : new Uri(given.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string? Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
