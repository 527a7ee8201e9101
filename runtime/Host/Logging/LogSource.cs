namespace ProofOfHeat.Host.Logging;

/// <summary>
/// The short source a readable log line names instead of the full category (a type's full name):
/// <c>ha</c>, <c>mqtt</c>, <c>z2m</c>, <c>miners</c>, <c>http</c>, the app's own name, and so on.
/// </summary>
internal static class LogSource
{
    // Longest prefix first, so that the more specific namespace wins.
    private static readonly (string Prefix, string Source)[] Known =
    [
        ("ProofOfHeat.MqttEntities.Zigbee2Mqtt", "z2m"),
        ("ProofOfHeat.Host.HomeAssistant", "ha"),
        ("ProofOfHeat.Host.Miners", "miners"),
        ("ProofOfHeat.Host.Demo", "demo"),
        ("ProofOfHeat.HomeAssistant", "ha"),
        ("ProofOfHeat.MqttEntities", "mqtt"),
        ("ProofOfHeat.Drivers.Miners", "miners"),
        ("ProofOfHeat.AppModel", "apps"),
        ("ProofOfHeat.Mqtt", "mqtt"),
        ("ProofOfHeat.Host", "host"),
        ("ProofOfHeat.Sim", "sim"),
        ("Microsoft.AspNetCore", "http"),
        ("Microsoft.Extensions.Hosting", "host"),
        ("Microsoft.Hosting", "host"),
    ];

    private const string AppsPrefix = "ProofOfHeat.Apps.";

    /// <summary>The short source for <paramref name="category"/>.</summary>
    public static string Of(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        foreach (var (prefix, source) in Known)
        {
            if (IsUnder(category, prefix))
            {
                return source;
            }
        }

        if (category.StartsWith(AppsPrefix, StringComparison.Ordinal))
        {
            // ProofOfHeat.Apps.Heating.MultiZoneHeating → heating: the app's project names it.
            var rest = category.AsSpan(AppsPrefix.Length);
            var dot = rest.IndexOf('.');
            return (dot < 0 ? rest : rest[..dot]).ToString().ToLowerInvariant();
        }

        // Anything else (a plugin's own types): the type's name, which is the last part.
        var last = category.LastIndexOf('.');
        return (last < 0 ? category : category[(last + 1)..]).ToLowerInvariant();
    }

    /// <summary>
    /// Whether the category belongs to ASP.NET Core, whose Information lines are one or more per
    /// HTTP request: useful when debugging the API, noise in a log people read.
    /// </summary>
    public static bool IsHttpFramework(string category) => IsUnder(category, "Microsoft.AspNetCore");

    private static bool IsUnder(string category, string prefix) =>
        category.StartsWith(prefix, StringComparison.Ordinal)
        && (category.Length == prefix.Length || category[prefix.Length] == '.');
}
