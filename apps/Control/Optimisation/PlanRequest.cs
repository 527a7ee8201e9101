namespace ProofOfHeat.Control.Optimisation;

/// <summary>Everything one planning run needs.</summary>
/// <param name="Model">The house model to plan with.</param>
/// <param name="Slots">The horizon, one entry per slot, consecutive.</param>
/// <param name="SlotLength">Length of every slot.</param>
/// <param name="Sources">The dispatchable sources.</param>
/// <param name="GasPrice">Gas price, €/kWh.</param>
/// <param name="HashpriceEurPerThDay">Mining revenue per TH/s per day, € (before the pool fee).</param>
public sealed record PlanRequest(
    ThermalModel Model,
    IReadOnlyList<PlanSlot> Slots,
    TimeSpan SlotLength,
    IReadOnlyList<PlannerSource> Sources,
    double GasPrice,
    double HashpriceEurPerThDay);
