namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>One price slot of a tariff.</summary>
/// <param name="Start">Slot start.</param>
/// <param name="Length">Slot length.</param>
/// <param name="EurPerKwh">Retail price, €/kWh, all charges and VAT included.</param>
/// <param name="PublishedAt">From when a controller may see the price.</param>
public sealed record TariffSlot(DateTimeOffset Start, TimeSpan Length, double EurPerKwh, DateTimeOffset PublishedAt)
{
    /// <summary>The slot's end.</summary>
    public DateTimeOffset End => Start + Length;
}
