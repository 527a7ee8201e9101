using System.Net.Http.Json;
using System.Text.Json;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Process;

/// <summary><c>poh run</c> as a user starts it: environment variables only, the browser's HA address, a config file for the app.</summary>
public sealed class PohRunTests : IAsyncLifetime
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
    public async Task Run_AgainstHomeAssistant_ReadsStatesAndHeatsThroughAServiceCall()
    {
        _ha.SetState("sensor.lounge_temperature", "17.5", new { unit_of_measurement = "°C", device_class = "temperature" });
        _ha.SetState("sensor.outside", "-3.0", new { unit_of_measurement = "°C", device_class = "temperature" });
        _ha.SetState("number.miner_power_limit", "0", new { min = 0, max = 3000, step = 1000, unit_of_measurement = "W" });
        _ha.RegisterService("number", "set_value");
        var config = _dir.Write("poh.yaml", """
            apps:
              heating:
                room_temperature_entity: sensor.lounge_temperature
                outdoor_temperature_entity: sensor.outside
                heater_power_entity: number.miner_power_limit
                first_decision_after: 1s
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POH_HA_URL"] = $"http://127.0.0.1:{_ha.WebSocketUri.Port}",
            ["POH_HA_TOKEN"] = FakeHomeAssistant.ValidToken,
        };

        await using var poh = PohProcess.Start(_dir.Path, environment, "run", "--config", config, "--data", _dir.Combine("data"), "--http-port", "0");
        using var api = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };
        var call = await _ha.WaitForServiceCallAsync(c => c.Domain == "number" && c.Service == "set_value").WaitAsync(Safety);
        var status = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));

        Assert.Equal("number.miner_power_limit", call.Target?["entity_id"]?.AsArray().Single()?.ToString());
        Assert.Equal(3000, (double)call.ServiceData!["value"]!);
        var home = status.GetProperty("home");
        Assert.Equal("home-assistant", home.GetProperty("backend").GetString());
        Assert.True(home.GetProperty("connected").GetBoolean());
        Assert.Equal(_ha.EntityCount, home.GetProperty("entities").GetInt32());
        Assert.DoesNotContain(FakeHomeAssistant.ValidToken, poh.Stderr + poh.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadToken_NeverRetriesAndSaysWhyInTheStatus()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POH_HA_URL"] = _ha.WebSocketUri.ToString(),
            ["POH_HA_TOKEN"] = "not-the-token",
        };

        await using var poh = PohProcess.Start(_dir.Path, environment, "run", "--data", _dir.Combine("data"), "--http-port", "0");
        using var api = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };
        await _ha.WaitForConnectionAsync(1).WaitAsync(Safety);
        JsonElement home = default;
        await Eventually.UntilAsync(async () =>
        {
            home = (await api.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative))).GetProperty("home");
            return home.GetProperty("lastDisconnectReason").GetString()?.Contains("stopped for good", StringComparison.Ordinal) == true;
        }, Safety, "the runtime giving up on HA");

        Assert.Contains("Invalid access token", home.GetProperty("lastDisconnectReason").GetString()!, StringComparison.Ordinal);
        Assert.False(home.GetProperty("connected").GetBoolean());
        Assert.Equal(1, _ha.ConnectionCount);
        Assert.DoesNotContain("not-the-token", poh.Stderr + poh.Stdout, StringComparison.Ordinal);
    }
}
