namespace ProofOfHeat.Bench.Throughput;

/// <summary>One row of the table while it is measured: how to run it once, and its runs so far.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Frames">The frame shape.</param>
/// <param name="RunOnceAsync">Processes the given number of events.</param>
/// <param name="Dropped">Events dropped by bounded queues so far.</param>
internal sealed record MeasuredStage(string Stage, string Frames, Func<long, Task> RunOnceAsync, Func<long> Dropped)
{
    public List<RunResult> Runs { get; } = [];

    public StageResult ToResult() => new(Stage, Frames, Runs, Dropped());
}
