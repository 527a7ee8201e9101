namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The full truth of a test period, for the perfect-foresight ORACLE only.</summary>
/// <param name="Start">First instant of the test period.</param>
/// <param name="End">End of the test period (exclusive).</param>
/// <param name="Weather">True outdoor temperature and solar irradiance every 15 min over the period (and 36 h beyond).</param>
/// <param name="ElectricityPrices">True electricity price per slot over the period (and 36 h beyond).</param>
/// <param name="GasPrice">€/kWh.</param>
/// <param name="HashpriceEurPerThDay">Hashprice at the run's FX rate.</param>
/// <param name="Comfort">Comfort bounds per 15-min slot over the period (and 36 h beyond).</param>
/// <param name="InternalGains">Mean internal gains (people, appliances) per 15-min slot, W to the air node.</param>
/// <param name="Windows">Window-opening events in the period.</param>
/// <param name="House">The true house parameters.</param>
/// <param name="HashpriceBySlot">The hashprice of every 15-min slot, € per TH/s per day (null: <paramref name="HashpriceEurPerThDay"/> throughout).</param>
public sealed record ScenarioTruth(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<ForecastPoint> Weather,
    IReadOnlyList<PricePoint> ElectricityPrices,
    double GasPrice,
    double HashpriceEurPerThDay,
    IReadOnlyList<ComfortPoint> Comfort,
    IReadOnlyList<GainPoint> InternalGains,
    IReadOnlyList<WindowEvent> Windows,
    TrueHouse House,
    IReadOnlyList<double>? HashpriceBySlot = null);
