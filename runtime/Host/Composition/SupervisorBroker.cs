using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// In add-on mode without an <c>mqtt:</c> section, asks the Supervisor's services API which broker
/// it offers (HA's Mosquitto add-on) and with which credentials.
/// </summary>
internal static class SupervisorBroker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The Supervisor's broker, or null with one line on <paramref name="error"/> saying why: the
    /// brain then runs without MQTT entities rather than not at all.
    /// </summary>
    public static async Task<MqttBroker?> FindAsync(LoadedConfig config, IReadOnlyDictionary<string, string> environment, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(error);
        if (!config.IsAddon || config.Options.Mqtt is not null || !environment.TryGetValue(EnvironmentNames.SupervisorToken, out var token))
        {
            return null;
        }

        var supervisor = environment.TryGetValue(EnvironmentNames.SupervisorUrl, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var given)
            ? given
            : new Uri("http://supervisor/");
        using var http = new HttpClient { Timeout = Timeout };
        var client = new HomeAssistantRestClient(http, new HomeAssistantRestOptions
        {
            ApiBaseUri = new Uri(supervisor, "core/api/"),
            AccessToken = token,
            SupervisorBaseUri = supervisor,
            SupervisorToken = token,
        }, Microsoft.Extensions.Logging.Abstractions.NullLogger<HomeAssistantRestClient>.Instance);
        try
        {
            var service = await client.GetSupervisorMqttServiceAsync(cancellationToken);
            var scheme = service.Ssl ? "mqtts" : "mqtt";
            return new MqttBroker(new Uri($"{scheme}://{service.Host}:{service.Port}"), service.Username, service.Password, "supervisor");
        }
        catch (HomeAssistantException ex)
        {
            await error.WriteLineAsync($"poh: no MQTT broker from the Supervisor, so no entities in Home Assistant: {ex.Message}");
            return null;
        }
    }
}
