namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// One contestant of the latency comparison: a rule process, the mosquitto it alone uses, the measuring client
/// talking to that broker, and what the runs found.
/// </summary>
internal sealed class RuleUnderTest(string name, RuleProcess process, LatencyBenchmark measure) : IAsyncDisposable
{
    private TimeSpan _cpuAtStart;
    private TimeSpan _cpuUsed;

    public string Name { get; } = name;

    /// <summary>What the rule process printed when it was ready.</summary>
    public string? ReadyLine => process.ReadyLine;

    public List<LatencyRun> Runs { get; } = [];

    public ProcessMemory Memory { get; private set; }

    /// <summary>CPU time (user + system) of the rule process per 1,000 events sent during the measured runs.</summary>
    public double CpuMillisecondsPerThousandEvents =>
        Runs.Count == 0 ? double.NaN : _cpuUsed.TotalMilliseconds * 1000 / Runs.Sum(r => r.Sent);

    public async Task WarmUpAsync(int eventsPerSecond)
    {
        await measure.WarmUpAsync(eventsPerSecond);
        _cpuAtStart = ProcessCpu.Read(process.ProcessId);
    }

    public async Task<LatencyRun> RunAsync(int eventsPerSecond, TimeSpan duration)
    {
        var run = await measure.RunAsync(eventsPerSecond, duration);
        Runs.Add(run);
        return run;
    }

    /// <summary>Reads the rule process's CPU time and memory once all runs are done.</summary>
    public void Finish()
    {
        _cpuUsed = ProcessCpu.Read(process.ProcessId) - _cpuAtStart;
        Memory = process.ReadMemory();
    }

    public double Median(Func<LatencyRun, double> value) => Statistics.Median(Runs.Select(value));

    public async ValueTask DisposeAsync()
    {
        await measure.DisposeAsync();
        await process.DisposeAsync();
    }
}
