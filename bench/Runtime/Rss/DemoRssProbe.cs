using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.Bench.Rss;

/// <summary>
/// Runs the real demo (<c>poh demo --speed 60 --for …</c>) as its own process, unrestricted, and reads its
/// resident memory from <c>/proc/PID/status</c> (VmRSS now, VmHWM the peak) at a fixed interval.
/// </summary>
internal sealed class DemoRssProbe(string pohDll, TimeSpan duration, TimeSpan interval)
{
    private readonly Queue<string> _lastOutput = new();

    public async Task<RssResult> RunAsync(CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("poh-bench-demo-");
        var start = new ProcessStartInfo(SingleCoreLauncher.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[pohDll, "demo", "--speed", "60", "--for", Seconds(duration + TimeSpan.FromSeconds(30)), "--data", data.FullName, "--http-port", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DOTNET_PROCESSOR_COUNT");
        start.Environment.Remove(SingleCoreLauncher.PinnedVariable);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the demo.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var samples = new List<RssSample>();
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
                    throw new InvalidOperationException($"The demo exited early (code {(process.HasExited ? process.ExitCode : -1)}). Last output:\n{string.Join('\n', _lastOutput)}");
                }

                var sample = status with { At = Stopwatch.GetElapsedTime(started) };
                samples.Add(sample);
                Console.WriteLine(FormattableString.Invariant($"  demo t={sample.At.TotalSeconds,5:F0}s  VmRSS {sample.RssKb / 1024.0,6:F1} MB  VmHWM {sample.HwmKb / 1024.0,6:F1} MB"));
            }
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

        return new RssResult(duration, samples);
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
