using System.Text.Json;
using ProofOfHeat.Addon.Tests.Publish;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit.Abstractions;

namespace ProofOfHeat.Addon.Tests.Trimmed;

/// <summary>
/// The add-on ships an IL-trimmed brain (runtime/Host/Hosting/TrimmedPublish.props: the framework and trimmable
/// packages lose what the brain never calls). What must still work in it, run as the image runs it (the published
/// <c>poh</c>, launch.env as its environment): a user's plugin app built against the full framework, calling Rx, DI
/// and logging members the brain itself never calls; and the demo house's config, every app of it started.
/// </summary>
public sealed class TrimmedBrainTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(60);
    private readonly string _root = Directory.CreateTempSubdirectory("poh-trimmed-").FullName;
    private readonly FakeHomeAssistant _ha = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ha.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Publish_IsTrimmed_CoreLibSmallerThanTheFrameworks()
    {
        var folder = await PublishedBrain.FolderAsync("amd64");
        output.WriteLine(PublishedBrain.Describe("amd64"));

        var trimmed = new FileInfo(Path.Combine(folder, "System.Private.CoreLib.dll")).Length;
        var full = new FileInfo(typeof(object).Assembly.Location).Length; // this test runs on the shared, untrimmed framework

        Assert.True(trimmed < full * 0.8, $"CoreLib in the publish is {trimmed:N0} bytes, the framework's {full:N0}");
    }

    [Fact]
    public async Task PluginAppBuiltAgainstTheFullFramework_ReceivesEventsAndCallsAService_InTheTrimmedBrain()
    {
        var folder = await PublishedBrain.FolderAsync("amd64");
        var plugins = RxPluginBuild.Build(_root, folder);
        _ha.SetState("sensor.knob", "10");
        _ha.SetState("light.desk", "off");
        var config = WriteConfig($"""
            plugins:
              folder: {plugins}
              load: [{RxPluginBuild.AssemblyName}]
            apps:
              acme_window:
                source_entity: sensor.knob
                target_entity: light.desk
            """);

        await using var brain = StartPoh(folder, "run", "--config", config, "--data", Path.Combine(_root, "data"), "--http-port", "0");
        var api = await brain.Listening.WaitAsync(Healthy);
        await WaitUntilRunningAsync(brain, api, ["acme_window"]);
        _ha.SetState("sensor.knob", "42");
        var call = await _ha.WaitForServiceCallAsync(c => c.Domain == "light" && c.Service == "turn_on").WaitAsync(Healthy);

        Assert.Equal("light.desk", call.Target?["entity_id"]?.AsArray().Single()?.ToString());
        // The first pair Buffer(2, 1) gives is 10 (StartWith, the state at start) → 42: step 32, 1 step so far (Scan),
        // +100 from the module's service.
        Assert.Equal(133, (int)call.ServiceData!["brightness"]!);
        Assert.Contains("acme_window: step 32", brain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoConfig_PassesCheckConfig_AndStartsEveryApp_InTheTrimmedBrain()
    {
        var folder = await PublishedBrain.FolderAsync("amd64");
        var demo = await File.ReadAllTextAsync(RepositoryRoot.Combine("dashboards", "examples", "demo", "poh.yaml"));
        var config = WriteConfig(demo);

        await using (var check = StartPoh(folder, "check-config", "--config", config))
        {
            Assert.True(await check.WaitForExitAsync(Healthy) == 0, check.Output);
        }

        await using var brain = StartPoh(folder, "run", "--config", config, "--data", Path.Combine(_root, "data"), "--http-port", "0");
        var api = await brain.Listening.WaitAsync(Healthy);
        await WaitUntilRunningAsync(brain, api, ["miners", "heating", "safety"]);
    }

    /// <summary>The config file: the fake HA, then <paramref name="rest"/>.</summary>
    private string WriteConfig(string rest)
    {
        var path = Path.Combine(_root, "poh.yaml");
        File.WriteAllText(path, $"homeassistant:\n  url: {_ha.WebSocketUri}\n  token: {FakeHomeAssistant.ValidToken}\n{rest}");
        return path;
    }

    /// <summary>The published <c>poh</c> with the image's environment (launch.env, the Dockerfile's ENV).</summary>
    private BrainProcess StartPoh(string folder, params string[] arguments)
    {
        var environment = File.ReadAllLines(Path.Combine(folder, "launch.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return BrainProcess.Start(Path.Combine(folder, "poh"), arguments, environment, _root);
    }

    /// <summary>Waits until <c>/api/apps</c> lists exactly <paramref name="apps"/>, each running.</summary>
    private static async Task WaitUntilRunningAsync(BrainProcess brain, Uri api, string[] apps)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = Healthy };
        var last = "";
        await Eventually.UntilAsync(
            async () =>
            {
                last = await http.GetStringAsync(new Uri("/api/apps", UriKind.Relative));
                var states = JsonDocument.Parse(last).RootElement.EnumerateArray()
                    .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("state").GetString()!, StringComparer.Ordinal);
                return states.Keys.Order(StringComparer.Ordinal).SequenceEqual(apps.Order(StringComparer.Ordinal))
                    && states.Values.All(s => s.Equals("running", StringComparison.OrdinalIgnoreCase));
            },
            Healthy,
            () => $"{string.Join(", ", apps)} running (last /api/apps: {last})\n{brain.Output}");
    }
}
