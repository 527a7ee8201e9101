using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProofOfHeat.Apps.Miners.Tests.Entities;

/// <summary>
/// node/restart-watch.js under MQTT.js (from tests/Mqtt.Tests/node/node_modules, installed by
/// scripts/install-test-deps.sh): an MQTT client that is not ours records what a Home Assistant would see.
/// </summary>
internal sealed class MqttJsWatcher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private MqttJsWatcher(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the watcher and returns once it is subscribed.</summary>
    public static async Task<MqttJsWatcher> StartAsync(string url, string configTopic, string stateTopic, string doneTopic)
    {
        var tests = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
        var modules = Path.Combine(tests, "Mqtt.Tests", "node", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "mqtt")), $"MQTT.js is not installed in {modules}: run scripts/install-test-deps.sh");
        var start = new ProcessStartInfo("node", [Path.Combine(tests, "Apps.Miners.Tests", "node", "restart-watch.js"), url, configTopic, stateTopic, doneTopic])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NODE_PATH"] = modules;
        var watcher = new MqttJsWatcher(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        var ready = await watcher._process.StandardOutput.ReadLineAsync().WaitAsync(TestTimeouts.Safety);
        Assert.True(ready == "ready", $"restart-watch.js did not get ready: {ready} {await watcher.ErrorSoFarAsync()}");
        return watcher;
    }

    /// <summary>What the watcher saw, once the done message reached it.</summary>
    public async Task<IReadOnlyList<(string Topic, string Payload, bool Retained)>> SeenAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TestTimeouts.Safety);
        await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Safety);
        Assert.True(_process.ExitCode == 0 && line is not null, $"restart-watch.js exited with {_process.ExitCode}: {await _error}");
        using var json = JsonDocument.Parse(line!);
        return [.. json.RootElement.EnumerateArray().Select(m => (
            m.GetProperty("topic").GetString()!, m.GetProperty("payload").GetString()!, m.GetProperty("retained").GetBoolean()))];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<string> ErrorSoFarAsync() => _process.HasExited ? await _error : "";

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
