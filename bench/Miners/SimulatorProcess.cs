using System.Diagnostics;
using System.Text.Json;

namespace ProofOfHeat.Bench.Miners;

/// <summary>The child process that serves the simulators; stopped by closing its stdin.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, IReadOnlyList<SimulatedMinerLine> miners)
    {
        _process = process;
        Miners = miners;
    }

    public IReadOnlyList<SimulatedMinerLine> Miners { get; }

    public static async Task<SimulatorProcess> StartAsync(int count)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(SimulatorProcess).Assembly.Location, "serve", count.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator process");
        var miners = new List<SimulatedMinerLine>();
        while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready")
        {
            miners.Add(JsonSerializer.Deserialize<SimulatedMinerLine>(line)!);
        }

        if (miners.Count != count)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the simulator process announced {miners.Count} of {count} miners");
        }

        return new SimulatorProcess(process, miners);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
