namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>
/// Where the app reads electricity prices and the hashprice (config <c>prices:</c>). A dynamic source that fails
/// to parse falls back to the last good series, then to the static table.
/// </summary>
public sealed class PriceOptions
{
    /// <summary>The format of <see cref="Entity"/>'s attributes; <c>static</c> uses only <see cref="Static"/>.</summary>
    public PriceFormat Format { get; set; } = PriceFormat.Static;

    /// <summary>The price entity (a Nordpool sensor, an ENTSO-e sensor, an Octopus rates event entity), or null.</summary>
    public string? Entity { get; set; }

    /// <summary>
    /// The unit of the entity's values: <c>per_kwh</c> (currency/kWh) or <c>cents_per_kwh</c> (cents, pence). Octopus
    /// integration versions before 8 and Nordpool with <c>price_in_cents</c> give cents; Nordpool's own flag is honoured too.
    /// </summary>
    public PriceUnit Unit { get; set; } = PriceUnit.PerKwh;

    /// <summary>Multiplies every parsed price (VAT, say 1.2), after the unit conversion.</summary>
    public double Multiplier { get; set; } = 1;

    /// <summary>Added to every parsed price after the multiplier (grid fees), currency per kWh.</summary>
    public double Adder { get; set; }

    /// <summary>The static time-of-use table; also the fallback. Empty means a flat <see cref="FlatPrice"/>.</summary>
    public IReadOnlyList<TimeOfUseRate> Static { get; set; } = [];

    /// <summary>The price when the table is empty and nothing else is known, currency per kWh.</summary>
    public double FlatPrice { get; set; } = 0.30;

    /// <summary>The hashprice from config (what the miners earn, currency per TH/s per day), or null.</summary>
    public double? Hashprice { get; set; }

    /// <summary>A sensor with the hashprice (same unit), preferred over <see cref="Hashprice"/> while available.</summary>
    public string? HashpriceEntity { get; set; }
}
