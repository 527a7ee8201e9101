namespace ProofOfHeat.Control.Optimisation;

/// <summary>The boundary conditions of one planning slot.</summary>
/// <param name="Start">Slot start.</param>
/// <param name="OutdoorTemperature">Outdoor temperature (forecast or truth), °C.</param>
/// <param name="SolarIrradiance">Global horizontal irradiance, W/m².</param>
/// <param name="ElectricityPrice">Electricity price, €/kWh.</param>
/// <param name="LowerBound">Comfort lower bound, °C.</param>
/// <param name="UpperBound">Comfort upper bound, °C.</param>
/// <param name="ExtraGainsWatts">Gains to the air beyond the model's constant internal gains, W.</param>
/// <param name="ExtraAirToOutdoor">Extra air-to-outdoor conductance (an open window), W/K.</param>
/// <param name="HashpriceEurPerThDay">This slot's hashprice, € per TH/s per day, when it varies (null: the request's).</param>
public sealed record PlanSlot(
    DateTimeOffset Start,
    double OutdoorTemperature,
    double SolarIrradiance,
    double ElectricityPrice,
    double LowerBound,
    double UpperBound,
    double ExtraGainsWatts = 0,
    double ExtraAirToOutdoor = 0,
    double? HashpriceEurPerThDay = null);
