namespace ProofOfHeat.Control.Optimisation;

/// <summary>One future slot of the controller's plan, as it expects to carry it out.</summary>
/// <param name="Start">When the slot starts.</param>
/// <param name="ElectricityPrice">The slot's electricity price, €/kWh.</param>
/// <param name="Settings">The power per source it expects to run in the slot.</param>
/// <param name="PredictedAirTemperature">The room temperature it expects at the slot's end, °C.</param>
public sealed record PlannedSlot(DateTimeOffset Start, double ElectricityPrice, IReadOnlyList<SourceSetting> Settings, double PredictedAirTemperature);
