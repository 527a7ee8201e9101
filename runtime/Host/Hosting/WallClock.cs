namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// The real clock, even in the demo, where <see cref="TimeProvider"/> runs simulated time faster.
/// Network protocols need it: a keep-alive or a timeout must not shrink with the demo's speed.
/// </summary>
/// <param name="Time">The host's clock before the demo replaced it (the system clock, or a test's fake).</param>
internal sealed record WallClock(TimeProvider Time);
