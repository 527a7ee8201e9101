namespace ProofOfHeat.Control.Optimisation;

/// <summary>What to do in the current slot.</summary>
/// <param name="Settings">One setting per source.</param>
/// <param name="PredictedAirTemperature">The model's air temperature at the slot's end, °C.</param>
/// <param name="PredictedMassTemperature">The model's mass temperature at the slot's end, °C.</param>
/// <param name="SlotCostEur">Electricity plus gas minus mining revenue over the slot, €.</param>
/// <param name="ExpectedCostToGoEur">That plus penalties plus the rest of the horizon's expected cost, €.</param>
public sealed record PlanDecision(
    IReadOnlyList<SourceSetting> Settings,
    double PredictedAirTemperature,
    double PredictedMassTemperature,
    double SlotCostEur,
    double ExpectedCostToGoEur);
