using System.Diagnostics;
using System.Text;

namespace ProofOfHeat.Addon.Tests.Publish;

/// <summary>
/// The published <c>poh</c> run as a child process with only the environment a test gives it (none of the machine's
/// POH_* or SUPERVISOR_TOKEN), its output captured, and the <c>http: listening on URL</c> line awaited.
/// </summary>
internal sealed class BrainProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "http: listening on ";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BrainProcess(Process process) => _process = process;

    /// <summary>The first address from the <c>http: listening on</c> lines.</summary>
    public Task<Uri> Listening => _listening.Task;

    /// <summary>stdout and stderr so far, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="program"/> (the published <c>poh</c>, or qemu with it as the first argument).</summary>
    public static BrainProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("POH_", StringComparison.Ordinal) || k.Contains("SUPERVISOR", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var brain = new BrainProcess(process);
        process.OutputDataReceived += (_, e) => brain.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => brain.OnLine(e.Data);
        process.Exited += (_, _) => brain._listening.TrySetException(new InvalidOperationException($"poh exited before listening:\n{brain.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return brain;
    }

    /// <summary>SIGTERM, as the Supervisor stops the add-on (docker stop); the exit code once it has ended.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(within);
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
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

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[ListeningPrefix.Length..]));
        }
    }
}
