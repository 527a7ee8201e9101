namespace ProofOfHeat.Control;

/// <summary>
/// Maps a continuous on-fraction onto a device's discrete power steps (a miner's power targets, a
/// heater's stages). Pure: the steps are given, nothing is remembered.
/// </summary>
public static class PowerLevels
{
    /// <summary>
    /// The level nearest to <paramref name="onFraction"/> × the highest level. Ties go to the lower
    /// level, so a half-way answer never spends more than asked.
    /// </summary>
    /// <param name="levels">The available levels in watts (any order, at least one, none negative).</param>
    /// <param name="onFraction">The wanted fraction of full power, clamped to 0..1.</param>
    public static int Nearest(IReadOnlyList<int> levels, double onFraction)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("At least one power level is needed.", nameof(levels));
        }

        var max = levels.Max();
        var wanted = (double.IsNaN(onFraction) ? 0 : Math.Clamp(onFraction, 0, 1)) * max;
        var best = levels[0];
        foreach (var level in levels)
        {
            var distance = Math.Abs(level - wanted);
            var bestDistance = Math.Abs(best - wanted);
            if (distance < bestDistance || (distance == bestDistance && level < best))
            {
                best = level;
            }
        }

        return best;
    }
}
