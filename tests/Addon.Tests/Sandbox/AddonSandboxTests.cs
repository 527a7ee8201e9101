using System.Net;
using System.Text;
using System.Text.Json;
using ProofOfHeat.Addon.Tests.Publish;
using ProofOfHeat.Mqtt;
using ProofOfHeat.TestKit.MqttClients;
using Xunit.Abstractions;

namespace ProofOfHeat.Addon.Tests.Sandbox;

/// <summary>The published amd64 brain run as the add-on's container runs it (<see cref="AddonSandbox"/>).</summary>
public sealed class AddonSandboxTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FirstStart_WritesTheCommentedConfig_SecondStartKeepsIt_EntitiesAppear_AndTheApiAnswersIngressOnly()
    {
        await using var sandbox = await AddonSandbox.StartAsync();
        sandbox.WriteOptions(new { log_level = "debug", config_file = "poh.yaml", log_format = "json" });

        // First start: no config file yet.
        string written;
        await using (var brain = await sandbox.StartBrainAsync())
        {
            var url = await brain.Listening.WaitAsync(TimeSpan.FromMinutes(2));
            output.WriteLine(PublishedBrain.Describe("amd64"));
            using var http = new HttpClient { Timeout = Healthy };
            await Eventually.UntilAsync(async () => (await http.GetAsync(new Uri(url, "healthz"))).IsSuccessStatusCode, Healthy, () => $"/healthz 200\n{brain.Output}");

            Assert.True(File.Exists(sandbox.ConfigFile), $"no {sandbox.ConfigFile}\n{brain.Output}");
            written = await File.ReadAllTextAsync(sandbox.ConfigFile);
            var lines = written.Split('\n');
            Assert.All(lines.Where(l => l.Trim().Length > 0), l => Assert.StartsWith("#", l, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("# apps:", StringComparison.Ordinal));

            // The status through ingress: add-on mode, the store in the add-on's /data, HA through the Supervisor, MQTT from it.
            JsonElement status = default;
            await Eventually.UntilAsync(async () =>
            {
                using var response = await http.SendAsync(AddonSandbox.IngressRequest(HttpMethod.Get, url, "api/status"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return status.GetProperty("mqtt").GetProperty("connected").GetBoolean() && status.GetProperty("home").GetProperty("connected").GetBoolean();
            }, Healthy, () => $"HA and MQTT connected in /api/status: {status}\n{brain.Output}");
            Assert.True(status.GetProperty("host").GetProperty("addon").GetBoolean());
            Assert.StartsWith(sandbox.DataDirectory, status.GetProperty("host").GetProperty("store").GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.True(sandbox.Front.WebSocketConnections >= 1, "HA was not reached through the Supervisor's /core/websocket");
            var asked = Assert.Single(sandbox.Supervisor.Requests, r => r.Path == "/services/mqtt");
            Assert.Equal($"Bearer {TestKit.HomeAssistant.FakeSupervisor.ValidToken}", asked.Header("Authorization"));

            // The same request without the user ingress names is refused: the API answers only ingress in an add-on.
            using (var anonymous = await http.SendAsync(AddonSandbox.IngressRequest(HttpMethod.Get, url, "api/status", userId: null)))
            {
                Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
            }

            // The page at / through ingress: the gate lets it through (its content: PageRoot_AnswersThroughIngress_WithTheIngressPrefixAsItsBase).
            using (var page = await http.SendAsync(AddonSandbox.IngressRequest(HttpMethod.Get, url, "")))
            {
                Assert.NotEqual(HttpStatusCode.Forbidden, page.StatusCode);
                Assert.NotEqual(HttpStatusCode.Unauthorized, page.StatusCode);
            }

            // log_format: json and log_level: debug from the options reached the logger (HTTP requests are logged at debug).
            Assert.Contains(brain.Output.Split('\n'), l => IsJsonObject(l) && JsonDocument.Parse(l).RootElement.GetProperty("LogLevel").GetString() == "Debug");
            Assert.Equal(0, await brain.StopAsync(Healthy));
        }

        // The user edits the file: a one-zone heating app on HA's entities.
        var edited = written + """

            apps:
              heating:
                room_temperature_entity: sensor.living_room_temperature
                heater_power_entity: number.miner_power_limit
                power_levels: [0, 1000, 2000]
                comfort_target: 21
            """.ReplaceLineEndings("\n");
        await File.WriteAllTextAsync(sandbox.ConfigFile, edited);
        sandbox.HomeAssistant.SetState("sensor.living_room_temperature", "19.5", new Dictionary<string, object?> { ["unit_of_measurement"] = "°C", ["device_class"] = "temperature" });
        sandbox.HomeAssistant.SetState("number.miner_power_limit", "0", new Dictionary<string, object?> { ["min"] = 0, ["max"] = 3000, ["step"] = 100 });

        var observerOptions = BrokerClients.Options(sandbox.Broker, "observer");
        observerOptions.UserName = AddonSandbox.MqttUser;
        observerOptions.Password = AddonSandbox.MqttPassword;
        await using var observer = new MqttClient(observerOptions, TimeProvider.System);
        await observer.ConnectAsync().WaitAsync(Healthy);
        var recorder = new TopicRecorder();
        await observer.SubscribeAsync("homeassistant/#", recorder.HandleAsync).WaitAsync(Healthy);

        await using (var brain = await sandbox.StartBrainAsync())
        {
            await brain.Listening.WaitAsync(TimeSpan.FromMinutes(2));
            var zone = await recorder.WaitForAsync(
                m => m.Topic.StartsWith("homeassistant/device/", StringComparison.Ordinal) && m.Topic.Contains("heating_zone_home", StringComparison.Ordinal)
                    && m.Topic.EndsWith("/config", StringComparison.Ordinal) && m.PayloadAsString().Length > 0,
                "the heating zone's discovery config").WaitAsync(Healthy);
            using (var discovery = JsonDocument.Parse(zone.PayloadAsString()))
            {
                var platforms = discovery.RootElement.GetProperty("cmps").EnumerateObject().Select(c => c.Value.GetProperty("p").GetString()).ToList();
                Assert.Contains("climate", platforms);
            }

            Assert.Equal(edited, await File.ReadAllTextAsync(sandbox.ConfigFile)); // reused, not rewritten
            Assert.Equal(0, await brain.StopAsync(Healthy));
        }
    }

    [Fact]
    public async Task PageRoot_AnswersThroughIngress_WithTheIngressPrefixAsItsBase()
    {
        await using var sandbox = await AddonSandbox.StartAsync();
        sandbox.WriteOptions(new { log_level = "information", config_file = "poh.yaml" });
        await using var brain = await sandbox.StartBrainAsync();
        var url = await brain.Listening.WaitAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { Timeout = Healthy };

        using var page = await http.SendAsync(AddonSandbox.IngressRequest(HttpMethod.Get, url, ""));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<base href=\"{AddonSandbox.IngressPath}/\">", html, StringComparison.Ordinal);
        Assert.Contains("<poh-page>", html, StringComparison.Ordinal);

        // The page's script, by the relative URL the browser resolves against that base (ingress strips the prefix).
        using var script = await http.SendAsync(AddonSandbox.IngressRequest(HttpMethod.Get, url, "ui/poh-page.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000, "the page's bundle is served from the brain");
        Assert.Equal(0, await brain.StopAsync(Healthy));
    }

    [Fact]
    public async Task ConfigFileOptionThatIsAPath_StopsTheBrainNamingTheOption()
    {
        await using var sandbox = await AddonSandbox.StartAsync();
        sandbox.WriteOptions(new { log_level = "information", config_file = "../../etc/poh.yaml" });
        await using var brain = await sandbox.StartBrainAsync();

        var exitCode = await brain.WaitForExitAsync(Healthy);

        Assert.Equal(2, exitCode);
        Assert.Contains("config_file: is not the name of a .yaml file", brain.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.ConfigFile));
    }

    [Fact]
    public async Task CheckConfig_InTheAddon_OnlyReadsAndWritesNoConfigFile()
    {
        await using var sandbox = await AddonSandbox.StartAsync();
        sandbox.WriteOptions(new { log_level = "information", config_file = "poh.yaml" });
        await using var check = await sandbox.StartPohAsync("check-config");

        Assert.True(await check.WaitForExitAsync(Healthy) == 0, check.Output);
        Assert.False(File.Exists(sandbox.ConfigFile), "check-config wrote the default config file");
    }

    [Fact]
    public async Task DefaultConfigExamples_LoadWhenUncommented()
    {
        await using var sandbox = await AddonSandbox.StartAsync();
        sandbox.WriteOptions(new { log_level = "information", config_file = "poh.yaml" });
        await using (var brain = await sandbox.StartBrainAsync())
        {
            await brain.Listening.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, await brain.StopAsync(Healthy));
        }

        // "## " lines explain; "# " lines are the example, indentation kept after the "# ".
        var example = new StringBuilder();
        foreach (var line in (await File.ReadAllTextAsync(sandbox.ConfigFile)).Split('\n'))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                example.Append(line[2..]).Append('\n');
            }
        }

        var file = Path.Combine(sandbox.ConfigDirectory, "example.yaml");
        await File.WriteAllTextAsync(file, example.ToString());
        var folder = await PublishedBrain.FolderAsync("amd64");
        await using var check = BrainProcess.Start(Path.Combine(folder, "poh"), ["check-config", "--config", file], new Dictionary<string, string>(), sandbox.ConfigDirectory);

        Assert.True(await check.WaitForExitAsync(Healthy) == 0, $"{example}\n{check.Output}");
        Assert.Contains("heating:", example.ToString(), StringComparison.Ordinal);
        Assert.Contains("miners:", example.ToString(), StringComparison.Ordinal);
    }

    private static bool IsJsonObject(string line)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
