using ProofOfHeat.Bench.Heating.Strategies;

namespace ProofOfHeat.Bench.Heating.Tests;

/// <summary>Hand-made observations for strategy tests.</summary>
internal static class Observations
{
    public static readonly DateTimeOffset Night = new(2027, 1, 4, 22, 0, 0, TimeSpan.Zero);

    public static ScenarioSources SetA() => new(
    [
        new SourceSpec("miner", SourceKind.Miner, [0, 875, 1750, 2625, 3500], false, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), 17.5, 0.02, false),
        new SourceSpec("heater", SourceKind.Resistive, [0, 2000], false, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), null, null, false),
    ]);

    public static ScenarioSources SetB() => new(
    [
        new SourceSpec("miner", SourceKind.Miner, [0, 875, 1750, 2625, 3500], false, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), 17.5, 0.02, false),
        new SourceSpec("heatpump", SourceKind.HeatPump, [0, 2400, 8000], true, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10), null, null, true),
    ]);

    /// <summary>An observation at <paramref name="now"/> with a fresh report of <paramref name="room"/> (lower bound 21 at night).</summary>
    public static StrategyObservation At(DateTimeOffset now, double? room, double outdoor = 0, double price = 0.30, TimeSpan? age = null, double hashprice = 0.0344) =>
        new(now, room, age ?? TimeSpan.Zero, outdoor, [],
            [new PricePoint(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero), TimeSpan.FromMinutes(15), price)],
            0.10, hashprice,
            [new ComfortPoint(now, 21, 24)],
            []);

    public static double? Level(StrategyDecision decision, string id) =>
        decision.Commands.FirstOrDefault(c => c.Id == id)?.PowerWatts;
}
