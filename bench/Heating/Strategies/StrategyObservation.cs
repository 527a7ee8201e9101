namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>What a strategy sees at a decision.</summary>
/// <param name="Now">Simulated time.</param>
/// <param name="RoomTemperature">Last sensor report (quantised/noisy); null while the sensor is silent.</param>
/// <param name="RoomTemperatureAge">Time since that report.</param>
/// <param name="OutdoorTemperature">Outdoor sensor value, °C.</param>
/// <param name="Forecast">Hourly outdoor temperature and solar forecast, next 36 h (with the scenario's error level).</param>
/// <param name="ElectricityPrices">€/kWh per slot, only as far as published (T3: day-ahead at 13:00).</param>
/// <param name="GasPrice">€/kWh.</param>
/// <param name="HashpriceEurPerThDay">Hashprice converted at the run's fixed FX rate.</param>
/// <param name="Comfort">Lower/upper bound per 15-min slot, next 36 h (the schedule is known).</param>
/// <param name="Sources">Current state of each source.</param>
/// <param name="WindowOpen">
/// What the window contact sensors report, where the scenario has them (<c>plant.window_contacts</c>); null without
/// contacts, when a strategy can only infer an opening from the room temperature.
/// </param>
public sealed record StrategyObservation(
    DateTimeOffset Now,
    double? RoomTemperature,
    TimeSpan RoomTemperatureAge,
    double OutdoorTemperature,
    IReadOnlyList<ForecastPoint> Forecast,
    IReadOnlyList<PricePoint> ElectricityPrices,
    double GasPrice,
    double HashpriceEurPerThDay,
    IReadOnlyList<ComfortPoint> Comfort,
    IReadOnlyList<SourceState> Sources,
    bool? WindowOpen = null);
