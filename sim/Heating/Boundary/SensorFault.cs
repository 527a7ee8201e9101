namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>Fault F1: the room sensor goes silent from <paramref name="Start"/> for <paramref name="Length"/> (3 h in PoH-Bench).</summary>
/// <param name="Start">When the sensor stops reporting.</param>
/// <param name="Length">How long it stays silent.</param>
public sealed record SensorFault(DateTimeOffset Start, TimeSpan Length)
{
    /// <summary>Whether the sensor is silent at <paramref name="at"/>.</summary>
    public bool IsSilent(DateTimeOffset at) => at >= Start && at < Start + Length;
}
