
namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Checks on the bound options that one key's type cannot express, run at load time so that <c>check-config</c>
/// and <c>run</c> refuse them with the file and line instead of the host failing later with a stack trace.
/// </summary>
internal static class BoundOptionsChecks
{
    /// <summary>Adds a <see cref="ConfigError"/> for each problem; adds URL passwords to <paramref name="secretValues"/>.</summary>
    public static void Run(BrainOptions options, ConfigSources sources, List<ConfigError> errors, ISet<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(secretValues);
        if (options.HomeAssistant is { Url: { } haUrl } ha)
        {
            RememberUserInfo(haUrl, secretValues);
            if (haUrl.UserInfo.Length > 0)
            {
                errors.Add(new ConfigError(sources.LocationOf(ha, "url"), sources.PathOf(ha, "url"),
                    $"the URL {UrlRedaction.Redact(haUrl)} carries a user name or password",
                    "Remove `user:password@`: Home Assistant signs in with the access token (`token:` or POH_HA_TOKEN)"));
            }
        }

        if (options.Mqtt is { Url: { } mqttUrl } mqtt)
        {
            RememberUserInfo(mqttUrl, secretValues);
            if (mqttUrl.UserInfo.Length > 0 && (mqtt.Username is not null || mqtt.Password is not null))
            {
                errors.Add(new ConfigError(sources.LocationOf(mqtt, "url"), sources.PathOf(mqtt, "url"),
                    $"the URL {UrlRedaction.Redact(mqttUrl)} carries a user name or password, and `username:` or `password:` is set too",
                    "Give the credentials once: either in the URL (mqtt://user:password@host:1883) or as `username:` and `password:`"));
            }
        }
    }

    private static void RememberUserInfo(Uri url, ISet<string> secretValues)
    {
        // The user name alone is not secret, but the password and the whole userinfo are: the log redaction hides them.
        if (url.UserInfo.Length == 0)
        {
            return;
        }

        secretValues.Add(url.UserInfo);
        var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon < url.UserInfo.Length - 1)
        {
            secretValues.Add(url.UserInfo[(colon + 1)..]);
            secretValues.Add(Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]));
        }
    }
}
