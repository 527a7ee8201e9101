using System.Net.Http.Headers;
using System.Text.Json;
using ProofOfHeat.Addon.Tests.Publish;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Addon.Tests.Sandbox;

/// <summary>
/// The add-on's container, minus the container: a temp <c>/data</c> with the Supervisor's <c>options.json</c>, a temp
/// add-on config folder, <c>SUPERVISOR_TOKEN</c>, the fake Supervisor with <c>/services/mqtt</c> naming a real
/// mosquitto (with a user and password), and the fake Home Assistant behind the Supervisor's <c>/core/websocket</c>.
/// The development overrides (POH_SUPERVISOR_URL, POH_DATA_DIR, POH_ADDON_CONFIG_DIR, POH_INGRESS_PROXY) move the
/// container's fixed places here.
/// </summary>
internal sealed class AddonSandbox : IAsyncDisposable
{
    public const string MqttUser = "addons";
    public const string MqttPassword = "mqtt-password-from-the-supervisor";
    public const string IngressPath = "/api/hassio_ingress/3f2b8c1d0e9a7f6b5c4d3e2f1a0b9c8d";

    private readonly string _root = Directory.CreateTempSubdirectory("poh-addon-sandbox-").FullName;

    private AddonSandbox(MosquittoBroker broker, FakeHomeAssistant homeAssistant, FakeSupervisor supervisor, SupervisorFront front)
    {
        Broker = broker;
        HomeAssistant = homeAssistant;
        Supervisor = supervisor;
        Front = front;
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ConfigDirectory);
    }

    public MosquittoBroker Broker { get; }

    public FakeHomeAssistant HomeAssistant { get; }

    public FakeSupervisor Supervisor { get; }

    public SupervisorFront Front { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ConfigDirectory => Path.Combine(_root, "addon_configs", "local_proof_of_heat");

    public string ConfigFile => Path.Combine(ConfigDirectory, "poh.yaml");

    public static async Task<AddonSandbox> StartAsync()
    {
        var broker = await MosquittoBroker.StartAsync(MqttUser, MqttPassword);
        var homeAssistant = new FakeHomeAssistant();
        // The Supervisor's proxy signs in to HA for the add-on with the add-on's own token.
        homeAssistant.AddValidToken(FakeSupervisor.ValidToken);
        var supervisor = new FakeSupervisor();
        // supervisor services/modules/mqtt.py: host, port, ssl, protocol, username, password, addon.
        supervisor.ProvideService("mqtt", new
        {
            host = broker.Host, port = broker.Port, ssl = false, protocol = "3.1.1", username = MqttUser, password = MqttPassword, addon = "core_mosquitto",
        });
        return new AddonSandbox(broker, homeAssistant, supervisor, new SupervisorFront(supervisor.BaseUri, homeAssistant.WebSocketUri));
    }

    /// <summary>Writes <c>/data/options.json</c> as the Supervisor would from the Configuration tab.</summary>
    public void WriteOptions(object options) =>
        File.WriteAllText(Path.Combine(DataDirectory, "options.json"), JsonSerializer.Serialize(options));

    /// <summary>Starts the published brain as the s6 service does (<c>cd /data; exec poh run</c>), on a free port instead of 8099.</summary>
    public Task<BrainProcess> StartBrainAsync() => StartPohAsync("run", "--http-port", "0");

    /// <summary>Starts the published <c>poh</c> with <paramref name="arguments"/> in the add-on's environment.</summary>
    public async Task<BrainProcess> StartPohAsync(params string[] arguments)
    {
        var folder = await PublishedBrain.FolderAsync("amd64");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SUPERVISOR_TOKEN"] = FakeSupervisor.ValidToken,
            ["POH_SUPERVISOR_URL"] = Front.BaseUri.ToString(),
            ["POH_DATA_DIR"] = DataDirectory,
            ["POH_ADDON_CONFIG_DIR"] = ConfigDirectory,
            ["POH_INGRESS_PROXY"] = "127.0.0.1",
        };
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "launch.env")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var pair = line.Split('=', 2);
            environment[pair[0]] = pair[1]; // the Dockerfile's ENV
        }

        return BrainProcess.Start(Path.Combine(folder, "poh"), arguments, environment, DataDirectory);
    }

    /// <summary>A request as the Supervisor's ingress proxy forwards it: un-prefixed path, the ingress path and the HA user in headers.</summary>
    public static HttpRequestMessage IngressRequest(HttpMethod method, Uri brain, string path, string? userId = "8a4b1f0e6c2d4e3f9a7b5c1d2e3f4a5b")
    {
        var request = new HttpRequestMessage(method, new Uri(brain, path));
        request.Headers.Host = "homeassistant.local:8123"; // the browser's Host, passed through by ingress
        request.Headers.Add("X-Ingress-Path", IngressPath);
        if (userId is not null)
        {
            request.Headers.Add("X-Remote-User-Id", userId);
            request.Headers.Add("X-Remote-User-Name", "anna");
            request.Headers.Add("X-Remote-User-Display-Name", "Anna");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        await Supervisor.DisposeAsync();
        await HomeAssistant.DisposeAsync();
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a process may still hold a file.
        }
    }
}
