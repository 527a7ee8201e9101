namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>Internal gains of PoH-Bench: a base load plus an evening bump (bench/Heating/README.md, The plant).</summary>
/// <param name="BaseWatts">Always, W.</param>
/// <param name="EveningWatts">Added between <paramref name="EveningStartHour"/> and <paramref name="EveningEndHour"/>, W.</param>
/// <param name="EveningStartHour">First evening hour.</param>
/// <param name="EveningEndHour">First hour after the evening.</param>
public sealed record InternalGains(double BaseWatts = 300, double EveningWatts = 200, int EveningStartHour = 17, int EveningEndHour = 22)
{
    /// <summary>The gains at <paramref name="at"/>, W.</summary>
    public double At(DateTimeOffset at) =>
        BaseWatts + (at.UtcDateTime.Hour >= EveningStartHour && at.UtcDateTime.Hour < EveningEndHour ? EveningWatts : 0);
}
