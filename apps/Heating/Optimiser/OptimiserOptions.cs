namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>
/// The model-predictive optimiser of the multi-zone heating (config: <c>apps.heating.optimiser</c>).
/// A zone is decided by TPI until enough history is recorded to identify its house model; from then
/// on the optimiser plans its sources every control period against prices, hashprice and comfort.
/// </summary>
public sealed class OptimiserOptions
{
    /// <summary>Whether zones switch to the optimiser once their model is identified.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How much recorded history a zone needs before its model is identified.</summary>
    public TimeSpan MinimumHistory { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often the model is identified again on the newer history.</summary>
    public TimeSpan RefitEvery { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far ahead the optimiser plans.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromHours(36);

    /// <summary>The gas price for gas boilers, €/kWh of gas.</summary>
    public double GasPrice { get; set; } = 0.10;

    /// <summary>A sensor of global horizontal irradiance (W/m²) for the solar gains, or null to plan without sun.</summary>
    public string? SolarEntity { get; set; }

    /// <summary>
    /// A HA weather entity (e.g. <c>weather.home</c>) whose hourly forecast the plan uses, asked for every hour with
    /// <c>weather.get_forecasts</c>; null plans with today's outdoor temperature held over the horizon.
    /// </summary>
    public string? WeatherEntity { get; set; }

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (MinimumHistory < TimeSpan.FromHours(6))
        {
            throw new ArgumentException("optimiser: minimum_history must be at least 6h; a house model needs days of data to be any good (48h is the default).");
        }

        if (RefitEvery <= TimeSpan.Zero)
        {
            throw new ArgumentException("optimiser: refit_every must be positive (24h is the default).");
        }

        if (Horizon < TimeSpan.FromHours(1) || Horizon > TimeSpan.FromHours(72))
        {
            throw new ArgumentException("optimiser: horizon must be between 1h and 72h (36h is the default).");
        }

        if (GasPrice < 0)
        {
            throw new ArgumentException("optimiser: gas_price cannot be negative.");
        }
    }
}
