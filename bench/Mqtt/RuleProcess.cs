using System.Diagnostics;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// A rule running in its own process (ours: this program with <c>rule HOST PORT</c>; Node-RED: node red.js with
/// the committed flow). Ready once its stdout shows the marker line; ended by closing stdin, then killed.
/// </summary>
internal sealed class RuleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lastLines = new();
    private readonly string? _workDirectory;

    private RuleProcess(string name, ProcessStartInfo start, string readyMarker, string? workDirectory)
    {
        Name = name;
        _workDirectory = workDirectory;
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, readyMarker);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, readyMarker);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{name} exited: {string.Join(" | ", _lastLines)}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    /// <summary>The line that carried the ready marker (ours reports its runtime settings there).</summary>
    public string? ReadyLine { get; private set; }

    /// <summary>Our rule: this same program, started again in <c>rule</c> mode.</summary>
    /// <param name="name">The contestant's name.</param>
    /// <param name="host">The broker host.</param>
    /// <param name="port">The broker port.</param>
    /// <param name="environment">Runtime knobs for the child (e.g. DOTNET_ variables), or null for the product's defaults.</param>
    /// <param name="runtimeConfig">A runtimeconfig.json to run with instead of the program's own, or null.</param>
    public static RuleProcess StartOurs(
        string name, string host, int port, IReadOnlyDictionary<string, string>? environment = null, string? runtimeConfig = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self);
        if (runtimeConfig is not null)
        {
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            foreach (var argument in (string[])["exec", "--runtimeconfig", runtimeConfig, typeof(RuleProcess).Assembly.Location])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RuleProcess).Assembly.Location);
        }

        foreach (var argument in (string[])["rule", host, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        // A contestant runs with the product's defaults (its runtimeconfig), whatever the harness was started with.
        foreach (var knob in TunedRuntime.KnownKnobs)
        {
            start.Environment.Remove(knob);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        return new RuleProcess(name, start, "ready", workDirectory: runtimeConfig is null ? null : Path.GetDirectoryName(runtimeConfig));
    }

    /// <summary>
    /// The whole brain: <c>poh run</c> with <see cref="BrainConfig"/> (the safety app on Zigbee2MQTT devices, HA away),
    /// its own data directory and API port, the product's runtimeconfig and the launch environment <c>./poh</c> gives it
    /// (<c>launch.env</c> beside the executable), then <paramref name="environment"/> over it (the bench's
    /// <c>--brain-env</c>, for contrasts). Ready once the safety app has started.
    /// </summary>
    public static RuleProcess StartBrain(string name, string pohPath, int port, IReadOnlyDictionary<string, string> environment)
    {
        var directory = Directory.CreateTempSubdirectory("poh-bench-brain-").FullName;
        var config = BrainConfig.Write(directory, port, BenchEnvironment.FreePort());
        var start = new ProcessStartInfo(pohPath) { WorkingDirectory = directory };
        foreach (var argument in (string[])["run", "--config", config, "--data", Path.Combine(directory, "data"), "--http-port", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var knob in TunedRuntime.KnownKnobs.Concat(LaunchEnvironment.Of(pohPath).Keys))
        {
            start.Environment.Remove(knob);
        }

        foreach (var (variable, value) in LaunchEnvironment.Of(pohPath).Concat(environment))
        {
            start.Environment[variable] = value;
        }

        return new RuleProcess(name, start, "App safety started", directory);
    }

    /// <summary>Node-RED 4 with flows.json (mqtt in → switch → change → mqtt out), its editor and HTTP nodes off.</summary>
    public static RuleProcess StartNodeRed(string nodeDirectory, int port, int httpPort)
    {
        var userDirectory = Directory.CreateTempSubdirectory("poh-bench-node-red-").FullName;
        File.Copy(Path.Combine(nodeDirectory, "flows.json"), Path.Combine(userDirectory, "flows.json"));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = nodeDirectory,
        };
        foreach (var argument in (string[])[
            Path.Combine(nodeDirectory, "node_modules", "node-red", "red.js"),
            "--userDir", userDirectory,
            "--settings", Path.Combine(nodeDirectory, "settings.js"),
            "flows.json"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MQTT_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NODE_RED_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RuleProcess("Node-RED", start, "Connected to broker", userDirectory);
    }

    public Task WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    public ProcessMemory ReadMemory() => ProcessMemory.Read(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        if (_workDirectory is not null)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private void OnLine(string? line, string readyMarker)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }

        if (line.Contains(readyMarker, StringComparison.Ordinal) && ReadyLine is null)
        {
            ReadyLine = line;
            _ready.TrySetResult();
        }
    }
}
