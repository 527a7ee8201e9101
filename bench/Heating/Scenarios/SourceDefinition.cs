using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>A heat source as a scenario file describes it.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Kind">Miner, heat pump, gas boiler or resistive heater.</param>
/// <param name="Model">Miners: "s21" or "s19"; others: "standard".</param>
/// <param name="RatedWatts">Optional override of the rated power (electric for miners/resistive, thermal otherwise).</param>
public sealed record SourceDefinition(string Id, PlantSourceKind Kind, string Model, double? RatedWatts = null)
{
    /// <summary>
    /// Builds the plant source; <paramref name="reality"/> (scenario option <c>plant:</c>) may give the heat pump a
    /// different fraction of Carnot and the boiler a different efficiency than the planner's defaults.
    /// </summary>
    public PlantSource Build(PlantReality? reality = null) => (Kind, Model) switch
    {
        (PlantSourceKind.Miner, "s19") => RatedWatts is { } w ? new MinerSource(Id, w, 29.5, 0.02, TimeSpan.FromMinutes(10)) : MinerSource.S19(Id),
        (PlantSourceKind.Miner, _) => RatedWatts is { } w ? new MinerSource(Id, w, 17.5, 0.02, TimeSpan.FromMinutes(10)) : MinerSource.S21(Id),
        (PlantSourceKind.HeatPump, _) => new HeatPumpSource(Id, RatedWatts ?? 8000, 0.30, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10))
        {
            CarnotFraction = reality?.HeatPumpCarnotFraction ?? 0.45,
        },
        (PlantSourceKind.GasBoiler, _) => new GasBoilerSource(Id, RatedWatts ?? 24000, 0.25, TimeSpan.FromMinutes(5))
        {
            CondensingEfficiency = reality?.BoilerEfficiency ?? 0.92,
        },
        (PlantSourceKind.Resistive, _) => RatedWatts is { } w ? new ResistiveSource(Id, w, TimeSpan.FromMinutes(1)) : ResistiveSource.Standard(Id),
        _ => throw new InvalidOperationException($"source kind {Kind} is unknown"),
    };

    /// <summary>The description a controller gets.</summary>
    public SourceSpec Spec()
    {
        var source = Build();
        var miner = source as MinerSource;
        return new SourceSpec(
            Id,
            Kind switch
            {
                PlantSourceKind.Miner => SourceKind.Miner,
                PlantSourceKind.HeatPump => SourceKind.HeatPump,
                PlantSourceKind.GasBoiler => SourceKind.GasBoiler,
                _ => SourceKind.Resistive,
            },
            source.Levels,
            source.Modulating,
            source.MinimumOnTime,
            source.MinimumOffTime,
            miner?.JoulesPerTerahash,
            miner?.PoolFee,
            source.Hydronic);
    }
}
