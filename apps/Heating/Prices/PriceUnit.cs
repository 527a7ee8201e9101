namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>The unit a price entity reports in.</summary>
public enum PriceUnit
{
    /// <summary>Currency per kWh (€/kWh, £/kWh).</summary>
    PerKwh,

    /// <summary>Cents or pence per kWh; divided by 100.</summary>
    CentsPerKwh,
}
