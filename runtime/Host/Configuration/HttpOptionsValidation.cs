using System.Net;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// The rules of <c>http:</c> that span keys: a bind address that is not loopback needs tokens (else anyone on
/// the network could change the home); tokens are long enough and named once; in add-on mode only ingress
/// reaches the API, so <c>bind</c> and <c>tokens</c> have no meaning there. Errors point at the key's line.
/// </summary>
internal static class HttpOptionsValidation
{
    private const int MinimumTokenLength = 16;

    /// <summary>Adds every problem of <paramref name="http"/> (bound from <paramref name="tree"/>) to <paramref name="errors"/>.</summary>
    public static void Check(HttpOptions http, ConfigMapping tree, bool isAddon, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(errors);
        var section = tree.Find("http")?.Value as ConfigMapping;
        var bind = section?.Find("bind");
        var tokens = section?.Find("tokens");
        if (isAddon)
        {
            foreach (var entry in new[] { bind, tokens }.OfType<ConfigEntry>())
            {
                errors.Add(new ConfigError(entry.KeyLocation, $"http.{entry.Key}", "is not used in add-on mode",
                    "Remove it: the add-on serves only Home Assistant ingress, which signs users in itself"));
            }

            CheckAddress(http.IngressProxy, section?.Find("ingress_proxy"), "http.ingress_proxy", errors);
            return;
        }

        if (bind is not null && !IsLoopbackName(http.Bind) && !IPAddress.TryParse(http.Bind, out _))
        {
            errors.Add(new ConfigError(bind.Value.Location, "http.bind", $"`{http.Bind}` is not an IP address",
                "Write an address of this machine such as 127.0.0.1 or 192.168.1.10, 0.0.0.0 for every interface, or localhost"));
        }
        else if (bind is not null && !IsLoopback(http.Bind) && http.Tokens.Count == 0)
        {
            errors.Add(new ConfigError(bind.Value.Location, "http.bind", $"`{http.Bind}` lets other machines reach the API, but no token is configured",
                "Add `tokens:` under `http:` (each with name, role and token), or bind 127.0.0.1"));
        }

        CheckTokens(http, tokens, errors);
        CheckHosts(http, section?.Find("hosts"), errors);
    }

    /// <summary>Whether <paramref name="bind"/> names a loopback address only.</summary>
    public static bool IsLoopback(string bind) =>
        IsLoopbackName(bind) || (IPAddress.TryParse(bind, out var address) && IPAddress.IsLoopback(address));

    private static bool IsLoopbackName(string bind) => string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase);

    private static void CheckTokens(HttpOptions http, ConfigEntry? tokens, List<ConfigError> errors)
    {
        var items = (tokens?.Value as ConfigSequence)?.Items ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(items.Count, http.Tokens.Count); i++)
        {
            var token = http.Tokens[i];
            var item = items[i] as ConfigMapping;
            var path = $"http.tokens[{i}]";
            var location = item?.Location ?? tokens!.KeyLocation;
            var hasText = item?.Find("token") is not null;
            var hasHash = item?.Find("sha256") is not null;
            if (hasText == hasHash)
            {
                errors.Add(new ConfigError(location, path, hasText ? "has both `token` and `sha256`" : "has neither `token` nor `sha256`",
                    "Give the token as `token: !secret NAME`, or its hash as `sha256: <64 hex digits>`"));
            }
            else if (hasText && token.PlainTextLength < MinimumTokenLength)
            {
                errors.Add(new ConfigError(item!.Find("token")!.Value.Location, $"{path}.token", $"is shorter than {MinimumTokenLength} characters",
                    "Use a long random token, such as the output of `openssl rand -hex 32`"));
            }
            else if (hasHash && !(token.Sha256 is { Length: 64 } hash && hash.All(char.IsAsciiHexDigit)))
            {
                errors.Add(new ConfigError(item!.Find("sha256")!.Value.Location, $"{path}.sha256", "is not a SHA-256 hash (64 hex digits)",
                    "Write the output of `printf %s \"$TOKEN\" | sha256sum` without the trailing ` -`"));
            }

            if (!names.Add(token.Name))
            {
                errors.Add(new ConfigError(item?.Find("name")?.Value.Location ?? location, $"{path}.name", $"the name `{token.Name}` is used twice",
                    "Give every token its own name, so the audit log tells the holders apart"));
            }
        }

    }

    private static void CheckHosts(HttpOptions http, ConfigEntry? hosts, List<ConfigError> errors)
    {
        var items = (hosts?.Value as ConfigSequence)?.Items ?? [];
        for (var i = 0; i < http.Hosts.Count; i++)
        {
            if (Uri.CheckHostName(http.Hosts[i]) == UriHostNameType.Unknown)
            {
                var location = i < items.Count ? items[i].Location : hosts?.KeyLocation ?? ConfigLocation.Defaults;
                errors.Add(new ConfigError(location, $"http.hosts[{i}]", $"`{http.Hosts[i]}` is not a host name",
                    "Write a name or address without scheme or port, such as poh.lan or 192.168.1.10"));
            }
        }
    }

    private static void CheckAddress(string value, ConfigEntry? entry, string path, List<ConfigError> errors)
    {
        if (!IPAddress.TryParse(value, out _))
        {
            errors.Add(new ConfigError(entry?.Value.Location ?? ConfigLocation.Defaults, path, $"`{value}` is not an IP address",
                "Write the Supervisor's address, 172.30.32.2"));
        }
    }
}
