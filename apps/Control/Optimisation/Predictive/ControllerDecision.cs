namespace ProofOfHeat.Control.Optimisation;

/// <summary>What <see cref="PredictiveController"/> decided for the slot starting now.</summary>
/// <param name="Settings">One setting per source, minimum on/off times already honoured.</param>
/// <param name="Slot">The slot's boundary conditions as planned: price, weather, comfort band.</param>
/// <param name="HeatCosts">What a kWh of heat costs from each source in this slot (electricity or gas less mining revenue).</param>
/// <param name="Plan">The plan's decision (predicted temperatures, costs), or null in the safe mode.</param>
/// <param name="SafeModeReason">Why the safe mode is on, or null when the plan decided.</param>
/// <param name="Note">A one-line account for logs and traces.</param>
/// <param name="Compute">Time the decision took.</param>
public sealed record ControllerDecision(
    IReadOnlyList<SourceSetting> Settings,
    PlanSlot Slot,
    IReadOnlyList<SourceHeatCost> HeatCosts,
    PlanDecision? Plan,
    string? SafeModeReason,
    string Note,
    TimeSpan Compute);

/// <summary>What one kWh of heat from a source costs in a slot.</summary>
/// <param name="Id">The source.</param>
/// <param name="EurPerKwhHeat">Net cost per kWh of heat at the source's top level, € (negative when mining pays more than the power costs).</param>
public sealed record SourceHeatCost(string Id, double EurPerKwhHeat);
