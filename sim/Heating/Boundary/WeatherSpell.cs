namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// A scripted spell: from <see cref="Start"/> for <see cref="Length"/> the daily mean is replaced by
/// <see cref="DailyMean"/>, blended in and out over <see cref="Ramp"/> (a cold snap or a mild spell).
/// </summary>
/// <param name="Start">When the spell reaches full strength.</param>
/// <param name="Length">How long it holds.</param>
/// <param name="DailyMean">The daily mean during the spell, °C.</param>
/// <param name="Ramp">Blend time on each side.</param>
public sealed record WeatherSpell(DateTimeOffset Start, TimeSpan Length, double DailyMean, TimeSpan Ramp)
{
    /// <summary>The spell's weight at <paramref name="at"/>, 0..1.</summary>
    public double Weight(DateTimeOffset at)
    {
        var end = Start + Length;
        if (at >= Start && at <= end)
        {
            return 1;
        }

        var distance = at < Start ? Start - at : at - end;
        return distance >= Ramp ? 0 : 1 - (distance / Ramp);
    }
}
