using System.Collections.Concurrent;
using ProofOfHeat.Host.HaSide;
using ProofOfHeat.Host.Tests.Process;
using ProofOfHeat.Mqtt;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>
/// What the real brain announces for a config: <c>poh run</c> as a child process against the fake Home Assistant
/// and a real mosquitto, and an independent client collecting the retained <c>homeassistant/+/+/config</c> payloads.
/// </summary>
internal static class BrainDiscovery
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);

    /// <summary>The discovery payloads the brain publishes for <paramref name="config"/>, once <paramref name="expectedDevices"/> devices are there.</summary>
    public static async Task<IReadOnlyList<string>> CollectAsync(string config, int expectedDevices)
    {
        using var dir = new TempDirectory();
        await using var ha = new FakeHomeAssistant();
        await using var broker = await MosquittoBroker.StartAsync();
        var file = dir.Write("poh.yaml", config + $"\nmqtt:\n  url: {broker.Url}\n");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POH_HA_URL"] = ha.WebSocketUri.ToString(),
            ["POH_HA_TOKEN"] = FakeHomeAssistant.ValidToken,
        };
        var configs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await using var watcher = new MqttClient(MqttClientOptions.FromUrl(broker.Url), TimeProvider.System);
        await watcher.ConnectAsync().WaitAsync(Safety);
        await watcher.SubscribeAsync("homeassistant/+/+/config", (message, _) =>
        {
            configs[message.Topic] = message.PayloadAsString();
            return ValueTask.CompletedTask;
        }).WaitAsync(Safety);

        await using var poh = PohProcess.Start(dir.Path, environment, "run", "--config", file, "--data", dir.Combine("data"), "--http-port", "0");
        await poh.Listening.WaitAsync(Safety);
        await Eventually.UntilAsync(
            () => configs.Values.Count(p => p.Length > 0) >= expectedDevices,
            Safety,
            $"{expectedDevices} discovery configs (have {configs.Count}; stderr: {poh.Stderr})");
        return [.. configs.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value).Where(p => p.Length > 0)];
    }

    /// <summary>The entity ids HA would give the entities of <paramref name="payloads"/>.</summary>
    public static IReadOnlySet<string> EntityIds(IReadOnlyList<string> payloads) =>
        HaEntityIds.FromDeviceConfigs(payloads).Select(e => e.EntityId).ToHashSet(StringComparer.Ordinal);
}
