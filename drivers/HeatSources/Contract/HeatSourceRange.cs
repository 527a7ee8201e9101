namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>An inclusive range of values a source accepts (°C, %).</summary>
/// <param name="Minimum">The lowest value accepted.</param>
/// <param name="Maximum">The highest value accepted.</param>
public sealed record HeatSourceRange(double Minimum, double Maximum)
{
    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Says the range, e.g. "20–55".</summary>
    public override string ToString() => FormattableString.Invariant($"{Minimum:0.##}–{Maximum:0.##}");
}
