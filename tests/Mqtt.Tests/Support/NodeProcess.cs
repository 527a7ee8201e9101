using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>
/// A node script from tests/Mqtt.Tests/node (where scripts/install-mqtt-test-deps.sh installs MQTT.js) whose stdout
/// is read as JSON lines; killed on dispose.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private readonly List<JsonElement> _seen = [];

    private NodeProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
            }

            _lines.Writer.TryComplete();
        });
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The folder with the node scripts and node_modules, found from this source file's path.</summary>
    public static string ScriptDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "node"));

    public static NodeProcess Start(string script, params string[] arguments)
    {
        var directory = ScriptDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "mqtt")))
        {
            throw new InvalidOperationException("MQTT.js is not installed: run scripts/install-mqtt-test-deps.sh");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(directory, script), .. arguments])
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("node did not start."));
    }

    /// <summary>The first JSON line, received before or after this call, whose "event" is <paramref name="eventName"/> and that <paramref name="where"/> accepts.</summary>
    public async Task<JsonElement> NextAsync(string eventName, Func<JsonElement, bool>? where = null)
    {
        bool Matches(JsonElement line) => line.GetProperty("event").GetString() == eventName && (where is null || where(line));
        var seen = _seen.FirstOrDefault(Matches);
        if (seen.ValueKind != JsonValueKind.Undefined)
        {
            return seen;
        }

        using var safety = new CancellationTokenSource(TestDefaults.SafetyTimeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(safety.Token);
                _seen.Add(line);
                if (Matches(line))
                {
                    return line;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"No matching '{eventName}' line from node. stderr: {await StandardErrorAsync()}", ex);
        }
    }

    /// <summary>Waits for the script to exit; returns its exit code and what it wrote to stderr.</summary>
    public async Task<(int ExitCode, string StandardError)> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TestDefaults.SafetyTimeout);
        return (_process.ExitCode, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        await _stdout.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }

    private async Task<string> StandardErrorAsync() =>
        _process.HasExited ? await _stderr : "(still running)";
}
