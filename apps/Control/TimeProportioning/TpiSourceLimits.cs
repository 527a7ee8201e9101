namespace ProofOfHeat.Control;

/// <summary>What time-proportioning must know of a source: the levels it runs at and how often it may switch on or off.</summary>
/// <param name="Levels">Its power levels, W (any order, at least one, none negative; an on/off heater is 0 and its rating).</param>
/// <param name="Modulating">Whether any power between the lowest positive level and the top is allowed (a heat pump, a boiler).</param>
/// <param name="MinimumOn">Minimum run time once switched on (a miner's dwell).</param>
/// <param name="MinimumOff">Minimum off time once switched off.</param>
public sealed record TpiSourceLimits(IReadOnlyList<double> Levels, bool Modulating, TimeSpan MinimumOn, TimeSpan MinimumOff)
{
    /// <summary>Throws when the limits cannot work.</summary>
    public void Validate()
    {
        if (Levels is null || Levels.Count == 0 || Levels.Any(l => l < 0 || double.IsNaN(l)))
        {
            throw new ArgumentException("At least one non-negative power level is needed.", nameof(Levels));
        }

        if (MinimumOn < TimeSpan.Zero || MinimumOff < TimeSpan.Zero)
        {
            throw new ArgumentException("Minimum on and off times cannot be negative.", nameof(MinimumOn));
        }
    }
}
