using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.Bench.Rss;

/// <summary>
/// Runs one of the product's own executables (<c>poh run</c>, or the demo program's <c>demo --speed 60</c>) as its
/// own process, unrestricted, and reads its resident memory from <c>/proc/PID/status</c> (VmRSS now, VmHWM the
/// peak) at a fixed interval; before stopping it, where that memory is from <c>/proc/PID/smaps</c>.
/// </summary>
/// <param name="label">What runs, for the console.</param>
/// <param name="dll">The executable's dll (run by the dotnet host), or a self-contained executable (the add-on's <c>poh</c>, run as it is).</param>
/// <param name="arguments">Its command line; <c>{data}</c> is replaced by a fresh data directory.</param>
/// <param name="duration">How long to measure.</param>
/// <param name="interval">How often to read.</param>
internal sealed class PohRssProbe(string label, string dll, IReadOnlyList<string> arguments, TimeSpan duration, TimeSpan interval)
{
    private readonly Queue<string> _lastOutput = new();

    /// <summary>The arguments of <c>demo</c> for <paramref name="duration"/> of measuring (it stops by itself a little later).</summary>
    public static IReadOnlyList<string> DemoArguments(TimeSpan duration) =>
        ["demo", "--speed", "60", "--for", Seconds(duration + TimeSpan.FromSeconds(30)), "--data", "{data}", "--http-port", "0"];

    /// <summary>Prepares the fresh data directory before the process starts (the realistic home seeds its history there).</summary>
    public Func<string, Task>? Prepare { get; init; }

    /// <summary>Environment variables set for the process, over the launch environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the process gets the launch environment shipped beside the dll (<c>launch.env</c>, which <c>./poh</c>
    /// and the add-on's start script apply), as a user's brain does; false runs it as <c>dotnet poh.dll</c> by hand.
    /// </summary>
    public bool UseLaunchEnvironment { get; init; } = true;

    /// <summary>The variables of the <c>launch.env</c> beside <paramref name="dll"/> (none if there is no such file).</summary>
    public static IReadOnlyDictionary<string, string> LaunchEnvironment(string dll)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dll))!, "launch.env");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (line.Length > 0 && line[0] != '#' && equals > 0)
                {
                    variables[line[..equals]] = line[(equals + 1)..];
                }
            }
        }

        return variables;
    }

    public async Task<RssResult> RunAsync(CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("poh-bench-rss-");
        if (Prepare is not null)
        {
            await Prepare(data.FullName);
        }

        var isDll = dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? SingleCoreLauncher.DotnetHost() : dll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            start.ArgumentList.Add(dll);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{data}", data.FullName, StringComparison.Ordinal));
        }

        start.Environment.Remove("DOTNET_PROCESSOR_COUNT");
        start.Environment.Remove(SingleCoreLauncher.PinnedVariable);
        foreach (var (name, value) in (UseLaunchEnvironment ? LaunchEnvironment(dll) : new Dictionary<string, string>()).Concat(Environment))
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {label}.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var samples = new List<RssSample>();
        SmapsBreakdown? breakdown = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                // One sample per interval, counted from the start: a timer that wakes a little early must
                // not produce the same sample twice.
                var wait = (interval * (samples.Count + 1)) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                if (process.HasExited || ReadStatus(process.Id) is not { } status)
                {
                    throw new InvalidOperationException($"{label} exited early (code {(process.HasExited ? process.ExitCode : -1)}). Last output:\n{string.Join('\n', _lastOutput)}");
                }

                var sample = status with { At = Stopwatch.GetElapsedTime(started) };
                samples.Add(sample);
                Console.WriteLine(FormattableString.Invariant($"  {label} t={sample.At.TotalSeconds,5:F0}s  VmRSS {sample.RssKb / 1024.0,6:F1} MB  VmHWM {sample.HwmKb / 1024.0,6:F1} MB"));
            }
            breakdown = SmapsBreakdown.Read(process.Id);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            data.Delete(recursive: true);
        }

        return new RssResult(duration, samples) { Breakdown = breakdown };
    }

    /// <summary>Reads VmRSS and VmHWM (kB) of a process.</summary>
    public static RssSample? ReadStatus(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKb(line);
            }
        }

        return new RssSample(TimeSpan.Zero, rss, hwm);
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s");

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > 20)
            {
                _lastOutput.Dequeue();
            }
        }
    }
}
