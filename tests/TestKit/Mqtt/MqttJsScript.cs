using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>
/// Runs a node script of a test project (<c>tests/&lt;project&gt;/node/&lt;script&gt;</c>) with MQTT.js from
/// tests/Mqtt.Tests/node/node_modules (scripts/install-mqtt-test-deps.sh installs it) and returns the JSON it prints:
/// an independent MQTT client for tests of our entities and apps.
/// </summary>
public static class MqttJsScript
{
    /// <summary>Runs <paramref name="script"/> of <paramref name="testProject"/> with <paramref name="arguments"/>, killed after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> RunAsync(string testProject, string script, TimeSpan timeout, params string[] arguments)
    {
        var testsRoot = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
        var modules = Path.Combine(testsRoot, "Mqtt.Tests", "node", "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "mqtt")))
        {
            throw new InvalidOperationException($"MQTT.js is not installed in {modules}: run scripts/install-mqtt-test-deps.sh");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(testsRoot, testProject, "node", script), .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NODE_PATH"] = modules;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await error}\n{await output}");
        }

        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
