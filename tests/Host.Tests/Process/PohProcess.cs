using System.Diagnostics;
using System.Text;
using ProofOfHeat.Host.Cli;

namespace ProofOfHeat.Host.Tests.Process;

/// <summary>The real built <c>poh</c> binary run as a child process (<c>dotnet poh.dll …</c>), with its output captured.</summary>
internal sealed class PohProcess : IAsyncDisposable
{
    private static readonly string[] ScrubbedVariables =
        ["POH_CONFIG", "POH_HA_URL", "POH_HA_TOKEN", "POH_MQTT_URL", "POH_OPTIONS_FILE", "SUPERVISOR_TOKEN", "ASPNETCORE_URLS", "DOTNET_URLS"];

    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PohProcess(System.Diagnostics.Process process) => _process = process;

    /// <summary>The address from the <c>http: listening on</c> line.</summary>
    public Task<Uri> Listening => _listening.Task;

    public int ProcessId => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static string PohDll => Path.Combine(AppContext.BaseDirectory, "poh.dll");

    /// <summary>The demo program (sim/Demo): the host library with the simulated house, run for <c>poh demo</c>.</summary>
    public static string DemoDll => Path.Combine(AppContext.BaseDirectory, "ProofOfHeat.Demo.dll");

    public static PohProcess Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, new Dictionary<string, string>(StringComparer.Ordinal), args);

    /// <summary>Starts <c>poh</c> with <paramref name="environment"/> added to a clean environment (no POH_* or SUPERVISOR_TOKEN of the machine's).</summary>
    public static PohProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As ./poh does: `demo` runs the demo program, every other verb the production brain.
        start.ArgumentList.Add(args.FirstOrDefault() == "demo" ? DemoDll : PohDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in ScrubbedVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var poh = new PohProcess(process);
        process.OutputDataReceived += (_, e) => poh.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => poh.OnStderr(e.Data);
        process.Exited += (_, _) => poh._listening.TrySetException(new InvalidOperationException($"poh exited before listening:\n{poh.Stderr}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return poh;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, like a power cut to the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, as Docker and the Supervisor stop the add-on; returns the exit code once poh has shut down.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().WaitAsync(timeout);
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The process's resident memory in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }
    }

    private void OnStderr(string? line)
    {
        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }

        if (line is not null && line.StartsWith(BrainLauncher.ListeningPrefix, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[BrainLauncher.ListeningPrefix.Length..]));
        }
    }
}
