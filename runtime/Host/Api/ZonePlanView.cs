namespace ProofOfHeat.Host.Api;

/// <summary>The optimiser's plan for a zone's present slot.</summary>
/// <param name="Price">The slot's electricity price, €/kWh.</param>
/// <param name="PredictedRoom">The model's room temperature at the slot's end, °C, or null in the safe mode.</param>
/// <param name="SafeMode">Why the safe mode is on, or null.</param>
/// <param name="Sources">The power per source, W.</param>
/// <param name="HeatCosts">What a kWh of heat costs from each source, € (null when the source gives no heat).</param>
internal sealed record ZonePlanView(double Price, double? PredictedRoom, string? SafeMode, IReadOnlyList<SourcePowerView> Sources, IReadOnlyList<SourceCostView> HeatCosts);
