using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating;

/// <summary>What the multi-zone app knew at its latest decision: the optimiser's inputs and the commands sent.</summary>
/// <param name="At">When.</param>
/// <param name="ComfortBands">Each zone's comfort band over the horizon, by zone id.</param>
/// <param name="Prices">The price series over the horizon.</param>
/// <param name="Hashprice">The hashprice (currency per TH/s per day), or null when unknown.</param>
/// <param name="Commands">The commands sent to the sources.</param>
public sealed record HeatingPlanInputs(
    DateTimeOffset At,
    IReadOnlyDictionary<string, IReadOnlyList<ComfortSlot>> ComfortBands,
    PriceSeries Prices,
    double? Hashprice,
    IReadOnlyList<HeatSourceCommand> Commands);
