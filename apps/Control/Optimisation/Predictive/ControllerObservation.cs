namespace ProofOfHeat.Control.Optimisation;

/// <summary>What <see cref="PredictiveController"/> sees at a decision.</summary>
/// <param name="Now">The time of the decision.</param>
/// <param name="RoomTemperature">The room sensor's last report, °C, or null when there is none.</param>
/// <param name="RoomTemperatureAge">How old that report is.</param>
/// <param name="OutdoorTemperature">Outdoor temperature now, °C.</param>
/// <param name="Forecast">Weather forecast over the horizon, ascending; empty = persistence of <paramref name="OutdoorTemperature"/>.</param>
/// <param name="Prices">Electricity prices as far as published, ascending.</param>
/// <param name="GasPrice">Gas price, €/kWh.</param>
/// <param name="HashpriceEurPerThDay">Mining revenue per TH/s per day, € (before the pool fee).</param>
/// <param name="Comfort">The comfort band over the horizon, ascending.</param>
/// <param name="Sources">Every source's present level (0 = off) and time since it last switched on or off.</param>
public sealed record ControllerObservation(
    DateTimeOffset Now,
    double? RoomTemperature,
    TimeSpan RoomTemperatureAge,
    double OutdoorTemperature,
    IReadOnlyList<WeatherPoint> Forecast,
    IReadOnlyList<PriceInterval> Prices,
    double GasPrice,
    double HashpriceEurPerThDay,
    IReadOnlyList<ComfortInterval> Comfort,
    IReadOnlyList<SourceStatus> Sources);
