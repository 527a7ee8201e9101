using ProofOfHeat.Host.Tests.Process;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Apps;

/// <summary>
/// A user's own app, built as a separate assembly the host has never referenced, dropped in the plugins folder and
/// configured under <c>apps:</c>: the real <c>poh run</c> finds it, binds its section to the options type of its
/// <c>IAppConfig&lt;T&gt;</c> parameter, runs its module, and the app receives HA's events and calls a service.
/// </summary>
public sealed class PluginAppTests(SampleAppBuild app) : IClassFixture<SampleAppBuild>, IAsyncLifetime
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly FakeHomeAssistant _ha = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ha.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Run_AppFromThePluginsFolder_ReceivesEventsAndCallsAService()
    {
        _ha.SetState("sensor.knob", "10");
        _ha.SetState("light.desk", "off");
        var config = Config("""
              acme_echo:
                source_entity: sensor.knob
                target_entity: light.desk
            """);

        await using var poh = PohProcess.Start(_dir.Path, "run", "--config", config, "--data", _dir.Combine("data"), "--http-port", "0");
        using var api = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };
        await Eventually.UntilAsync(
            async () => (await api.GetStringAsync(new Uri("/api/apps", UriKind.Relative))).Contains("\"acme_echo\"", StringComparison.Ordinal)
                && (await api.GetStringAsync(new Uri("/api/apps", UriKind.Relative))).Contains("Running", StringComparison.OrdinalIgnoreCase),
            Safety,
            "the plugin app running");
        _ha.SetState("sensor.knob", "42");
        var call = await _ha.WaitForServiceCallAsync(c => c.Domain == "light" && c.Service == "turn_on").WaitAsync(Safety);

        Assert.Equal("light.desk", call.Target?["entity_id"]?.AsArray().Single()?.ToString());
        // 42 from the event, +1 from the service the plugin's module registered with the app's bound options.
        Assert.Equal(43, (int)call.ServiceData!["brightness"]!);
    }

    [Fact]
    public async Task CheckConfig_UnknownKeyInThePluginAppsSection_IsAnErrorWithFileAndLine()
    {
        var config = Config("""
              acme_echo:
                source_entity: sensor.knob
                target_entiti: light.desk
            """);

        await using var poh = PohProcess.Start(_dir.Path, "check-config", "--config", config);
        var code = await poh.WaitForExitAsync(Safety);

        Assert.Equal(2, code);
        Assert.Contains($"{config}:10:", poh.Stderr, StringComparison.Ordinal);
        Assert.Contains("apps.acme_echo.target_entiti", poh.Stderr, StringComparison.Ordinal);
    }

    private string Config(string apps) => _dir.Write("poh.yaml", $"""
        homeassistant:
          url: {_ha.WebSocketUri}
          token: {FakeHomeAssistant.ValidToken}
        plugins:
          folder: {app.PluginsFolder}
          load: [{SampleAppBuild.AssemblyName}]
        apps:
        {apps}
        """);
}
