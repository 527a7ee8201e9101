using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The fake's state machine, service registry and config.</summary>
public sealed partial class FakeHomeAssistant
{
    private readonly Dictionary<string, JsonObject> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeServiceDefinition> _services = new(StringComparer.Ordinal);

    /// <summary>Number of entities in the state machine.</summary>
    public int EntityCount
    {
        get
        {
            lock (_gate)
            {
                return _states.Count;
            }
        }
    }

    /// <summary>
    /// Adds or replaces a service. Without a handler it succeeds with no response (or with <c>{}</c> when it
    /// supports responses). Unknown services answer <c>not_found</c>, like HA.
    /// </summary>
    public void RegisterService(
        string domain,
        string service,
        Func<FakeServiceCall, FakeServiceOutcome>? handler = null,
        FakeResponseSupport responseSupport = FakeResponseSupport.None)
    {
        handler ??= responseSupport == FakeResponseSupport.None
            ? _ => FakeServiceOutcome.Ok()
            : _ => FakeServiceOutcome.WithResponse(new { });
        _services[domain + "." + service] = new FakeServiceDefinition(domain, service, responseSupport, handler);
    }

    /// <summary>Forgets a service, so calls to it answer <c>not_found</c>.</summary>
    public void RemoveService(string domain, string service) => _services.TryRemove(domain + "." + service, out _);

    internal FakeServiceDefinition? FindService(string domain, string service) =>
        _services.TryGetValue(domain + "." + service, out var definition) ? definition : null;

    internal JsonObject BuildConfig() => new()
    {
        ["allowlist_external_dirs"] = new JsonArray("/media", "/config/www"),
        ["allowlist_external_urls"] = new JsonArray(),
        ["components"] = new JsonArray("homeassistant", "websocket_api", "api", "light", "climate", "sensor", "valve", "mqtt"),
        ["config_dir"] = "/config",
        ["config_source"] = "storage",
        ["country"] = "NL",
        ["currency"] = "EUR",
        ["elevation"] = 4,
        ["external_url"] = null,
        ["internal_url"] = null,
        ["language"] = "en",
        ["latitude"] = 52.3676,
        ["location_name"] = "Home",
        ["longitude"] = 4.9041,
        ["radius"] = 100,
        ["recovery_mode"] = false,
        ["safe_mode"] = false,
        ["state"] = IsRestarting ? "NOT_RUNNING" : "RUNNING",
        ["time_zone"] = "Europe/Amsterdam",
        ["unit_system"] = new JsonObject
        {
            ["length"] = "km",
            ["accumulated_precipitation"] = "mm",
            ["mass"] = "g",
            ["pressure"] = "Pa",
            ["temperature"] = "°C",
            ["volume"] = "L",
            ["wind_speed"] = "m/s",
        },
        ["version"] = HaVersion,
        ["whitelist_external_dirs"] = new JsonArray("/media", "/config/www"),
    };

    internal JsonObject BuildServicesMap()
    {
        var map = new JsonObject();
        foreach (var definition in _services.Values.OrderBy(d => d.Domain, StringComparer.Ordinal).ThenBy(d => d.Service, StringComparer.Ordinal))
        {
            if (map[definition.Domain] is not JsonObject domain)
            {
                domain = new JsonObject();
                map[definition.Domain] = domain;
            }

            var entry = new JsonObject
            {
                ["name"] = definition.Service.Replace('_', ' '),
                ["description"] = $"Fake {definition.Domain}.{definition.Service}.",
                ["fields"] = new JsonObject(),
            };
            if (definition.Domain is "light" or "switch" or "climate" or "valve" or "input_boolean")
            {
                entry["target"] = new JsonObject { ["entity"] = new JsonArray(new JsonObject { ["domain"] = new JsonArray(definition.Domain) }) };
            }

            if (definition.ResponseSupport != FakeResponseSupport.None)
            {
                entry["response"] = new JsonObject { ["optional"] = definition.ResponseSupport == FakeResponseSupport.Optional };
            }

            domain[definition.Service] = entry;
        }

        return map;
    }

    private void RegisterDefaultServices()
    {
        RegisterService("homeassistant", "turn_on");
        RegisterService("homeassistant", "turn_off");
        RegisterService("homeassistant", "reload_all");
        RegisterService("light", "turn_on");
        RegisterService("light", "turn_off");
        RegisterService("light", "toggle");
        RegisterService("switch", "turn_on");
        RegisterService("switch", "turn_off");
        RegisterService("climate", "set_temperature");
        RegisterService("climate", "set_hvac_mode");
        RegisterService("valve", "open_valve");
        RegisterService("valve", "close_valve");
        RegisterService("input_boolean", "turn_on");
        RegisterService("input_boolean", "turn_off");
        RegisterService("notify", "notify");
        RegisterService("persistent_notification", "create");
        RegisterService("weather", "get_forecasts", responseSupport: FakeResponseSupport.Only);
        RegisterService("calendar", "get_events", responseSupport: FakeResponseSupport.Only);
        RegisterService("script", "turn_on", responseSupport: FakeResponseSupport.Optional);
    }

    private void SeedDefaultStates()
    {
        SetState("sun.sun", "below_horizon", new Dictionary<string, object?> { ["friendly_name"] = "Sun", ["elevation"] = -12.5 });
        SetState("sensor.flow_temp", "41.5", new Dictionary<string, object?>
        {
            ["unit_of_measurement"] = "°C",
            ["device_class"] = "temperature",
            ["state_class"] = "measurement",
            ["friendly_name"] = "Flow",
        });
        SetState("binary_sensor.leak_kitchen", "off", new Dictionary<string, object?>
        {
            ["device_class"] = "moisture",
            ["friendly_name"] = "Kitchen leak",
        });
        SetState("valve.main_water", "open", new Dictionary<string, object?> { ["friendly_name"] = "Main water valve" });
    }
}
