using System.Globalization;

namespace ProofOfHeat.Mqtt;

/// <summary>Turns <c>mqtt://</c> and <c>mqtts://</c> URLs into <see cref="MqttClientOptions"/>.</summary>
internal static class MqttUrlParser
{
    public static MqttClientOptions Parse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The MQTT URL must be absolute, e.g. mqtt://host:1883.", nameof(url));
        }

        var useTls = url.Scheme.ToUpperInvariant() switch
        {
            "MQTT" or "TCP" => false,
            "MQTTS" or "SSL" or "TLS" => true,
            _ => throw new ArgumentException($"Unsupported scheme '{url.Scheme}': use mqtt:// or mqtts://.", nameof(url)),
        };
        if (string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException("The MQTT URL has no host.", nameof(url));
        }

        var options = new MqttClientOptions
        {
            Host = url.Host.Trim('[', ']'),
            Port = url.IsDefaultPort || url.Port < 0 ? (useTls ? 8883 : 1883) : url.Port,
            UseTls = useTls,
        };
        if (url.UserInfo.Length > 0)
        {
            var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            options.UserName = Uri.UnescapeDataString(separator < 0 ? url.UserInfo : url.UserInfo[..separator]);
            options.Password = separator < 0 ? null : Uri.UnescapeDataString(url.UserInfo[(separator + 1)..]);
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (string.Equals(key, "client_id", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(key, "clientId", StringComparison.OrdinalIgnoreCase))
            {
                options.ClientId = value;
            }
            else if (string.Equals(key, "keepalive", StringComparison.OrdinalIgnoreCase))
            {
                options.KeepAlive = TimeSpan.FromSeconds(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }

        return options;
    }
}
