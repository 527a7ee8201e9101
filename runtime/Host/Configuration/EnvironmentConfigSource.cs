using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Turns the environment into a configuration layer: the Supervisor's token first, then the
/// explicit <c>POH_*</c> variables, so that an explicit variable wins (tests, plain docker runs).
/// </summary>
internal static class EnvironmentConfigSource
{
    /// <summary>Builds the layer from <paramref name="environment"/>; empty when none of the variables is set.</summary>
    public static ConfigMapping Read(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var layer = ConfigMapping.Empty(ConfigLocation.Named("environment"));
        if (Get(environment, EnvironmentNames.SupervisorToken) is { } supervisorToken)
        {
            var supervisor = ConfigLocation.Named($"environment {EnvironmentNames.SupervisorToken}");
            layer = layer.MergeWith(Section("homeassistant", supervisor,
                ("url", new ConfigScalar(AddonLayout.WebSocketUriOf(AddonLayout.SupervisorFrom(environment)).ToString(), false, supervisor)),
                ("token", new ConfigScalar(supervisorToken, true, supervisor))));
        }

        layer = Overlay(layer, environment, EnvironmentNames.HaUrl, "homeassistant", "url", isSecret: false);
        layer = Overlay(layer, environment, EnvironmentNames.HaToken, "homeassistant", "token", isSecret: true);
        layer = Overlay(layer, environment, EnvironmentNames.IngressProxy, "http", "ingress_proxy", isSecret: false);
        return Overlay(layer, environment, EnvironmentNames.MqttUrl, "mqtt", "url", isSecret: false);
    }

    private static ConfigMapping Overlay(
        ConfigMapping layer, IReadOnlyDictionary<string, string> environment, string variable, string section, string key, bool isSecret)
    {
        if (Get(environment, variable) is not { } value)
        {
            return layer;
        }

        var location = ConfigLocation.Named($"environment {variable}");
        return layer.MergeWith(Section(section, location, (key, new ConfigScalar(value, isSecret, location))));
    }

    private static ConfigMapping Section(string section, ConfigLocation location, params (string Key, ConfigNode Value)[] values) =>
        new([new ConfigEntry(section, location, new ConfigMapping(values.Select(v => new ConfigEntry(v.Key, location, v.Value)).ToList(), location))],
            location);

    private static string? Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
