namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>The electricity price over one interval.</summary>
/// <param name="Start">The interval's start.</param>
/// <param name="Length">Its length (15, 30 or 60 min in practice).</param>
/// <param name="Price">The price, currency per kWh (€/kWh, £/kWh), fees included when configured.</param>
public readonly record struct PricePoint(DateTimeOffset Start, TimeSpan Length, double Price)
{
    /// <summary>The interval's end.</summary>
    public DateTimeOffset End => Start + Length;
}
