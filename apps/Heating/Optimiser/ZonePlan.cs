using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>What the optimiser planned for a zone's present slot, for the journal, the demo table and the API.</summary>
/// <param name="ElectricityPrice">The slot's electricity price, €/kWh.</param>
/// <param name="Lower">The comfort band's lower bound, °C.</param>
/// <param name="Upper">The comfort band's upper bound, °C.</param>
/// <param name="HeatCosts">What a kWh of heat costs from each source in the slot, € (mining revenue taken off).</param>
/// <param name="Settings">The power per source, W, and flow temperatures.</param>
/// <param name="PredictedRoomTemperature">The model's room temperature at the slot's end, °C, or null in the safe mode.</param>
/// <param name="SafeModeReason">Why the safe mode is on, or null.</param>
/// <param name="Outlook">The rest of the plan, slot by slot up to its horizon (36 h), or empty.</param>
public sealed record ZonePlan(
    double ElectricityPrice,
    double Lower,
    double Upper,
    IReadOnlyList<SourceHeatCost> HeatCosts,
    IReadOnlyList<SourceSetting> Settings,
    double? PredictedRoomTemperature,
    string? SafeModeReason,
    IReadOnlyList<PlannedSlot>? Outlook = null);
