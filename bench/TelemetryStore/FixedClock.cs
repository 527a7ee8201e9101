namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>A clock standing at the end of the simulated week, so retention keeps every point written.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
