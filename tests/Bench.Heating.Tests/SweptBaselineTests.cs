using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Strategies;
using static ProofOfHeat.Bench.Heating.Tests.Observations;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class SweptBaselineTests
{
    /// <summary>Weekday 19:00, band [15, 30] until 20:00 and [21, 24] from then.</summary>
    private static StrategyObservation BeforeTheStep(double room, double price = 0.30, IReadOnlyList<PricePoint>? prices = null)
    {
        var now = new DateTimeOffset(2027, 1, 5, 19, 0, 0, TimeSpan.Zero);
        var comfort = Enumerable.Range(0, 8).Select(i => now + TimeSpan.FromMinutes(15 * i))
            .Select(t => new ComfortPoint(t, t.Hour >= 20 ? 21 : 15, t.Hour >= 20 ? 24 : 30)).ToList();
        return At(now, room, outdoor: 0, price: price) with { Comfort = comfort, ElectricityPrices = prices ?? At(now, room, price: price).ElectricityPrices };
    }

    [Fact]
    public void PreheatLead_RaisesTheSetpointBeforeTheBandSteps()
    {
        var stock = new HystStrategy();
        var early = new HystStrategy { PreheatLead = TimeSpan.FromMinutes(90), Margin = 0.6 };
        Assert.Equal(15.3, stock.BaseSetpoint(BeforeTheStep(18)), 9);
        Assert.Equal(21.6, early.BaseSetpoint(BeforeTheStep(18)), 9);
        var justShort = new HystStrategy { PreheatLead = TimeSpan.FromMinutes(60) };
        Assert.Equal(15.3, justShort.BaseSetpoint(BeforeTheStep(18)), 9);
    }

    [Fact]
    public void Hyst_WithLead_HeatsAnHourBeforeTheStep_StockWaits()
    {
        var stock = new HystStrategy();
        stock.Prepare(new StrategySetup(SetA(), []));
        var early = new HystStrategy { PreheatLead = TimeSpan.FromMinutes(90) };
        early.Prepare(new StrategySetup(SetA(), []));
        Assert.Null(Level(stock.Decide(BeforeTheStep(18)), "miner") is > 0 ? 1 : null);
        Assert.Equal(3500, Level(early.Decide(BeforeTheStep(18)), "miner"));
    }

    [Fact]
    public void Hyst_CostOrder_PutsTheHeatPumpFirstWhenItsHeatIsCheaper()
    {
        var fixedOrder = new HystStrategy();
        fixedOrder.Prepare(new StrategySetup(SetB(), []));
        var byCost = new HystStrategy { CostOrder = true };
        byCost.Prepare(new StrategySetup(SetB(), []));
        // 20.9 °C at night: stage 1 only (T_set − 0.3 = 21.0). At 0.30 €/kWh the miner's heat costs 0.30 − r ≈ 0.22 €,
        // the heat pump's 0.30 / COP ≈ 0.11 €.
        var blueprint = fixedOrder.Decide(At(Night, 20.9, outdoor: 0));
        var cheap = byCost.Decide(At(Night, 20.9, outdoor: 0));
        Assert.Equal(3500, Level(blueprint, "miner"));
        Assert.Equal(8000, Level(cheap, "heatpump"));
        Assert.NotEqual(3500, Level(cheap, "miner"));
    }

    [Fact]
    public void PriceRule_RanksTomorrowsPublishedPrices_NotOnlyToday()
    {
        // 22:00: two hours left today at 0.20; tomorrow (published at 13:00) is 0.10 from 00:00 to 04:00, 0.30 after.
        var at = new DateTimeOffset(2027, 1, 4, 22, 0, 0, TimeSpan.Zero);
        var prices = Enumerable.Range(0, 26 * 4).Select(i => at + TimeSpan.FromMinutes(15 * i))
            .Select(t => new PricePoint(t, TimeSpan.FromMinutes(15), t < at.AddHours(2) ? 0.20 : t < at.AddHours(6) ? 0.10 : 0.30)).ToList();
        Assert.Equal(0, PriceRuleStrategy.RankOf(prices[0], prices));
        Assert.Equal(1, PriceRuleStrategy.RankOf(prices[8], prices));
        // The ranking looks forward: from 08:00 on only 0.30 is published, a flat day, so no rule applies.
        Assert.Equal(0, PriceRuleStrategy.RankOf(prices[40], prices));
    }

    [Fact]
    public void PriceRule_SetBackIsAFullKelvin_EvenBelowTheLowerBound()
    {
        var at = Night;
        var prices = Enumerable.Range(0, 96).Select(i => new PricePoint(at + TimeSpan.FromMinutes(15 * i), TimeSpan.FromMinutes(15), i < 16 ? 0.50 : 0.20)).ToList();
        var rule = new PriceRuleStrategy();
        rule.Prepare(new StrategySetup(SetA(), []));
        rule.Decide(At(at, 21.0) with { ElectricityPrices = prices });
        Assert.Equal(-1, rule.Rank);
        // Lower bound 21 + 0.3 − 1 = 20.3: TPI at 21.0 °C and 0 °C outside gives 0.6·(−0.7) + 0.01·20.3 < 0, nothing.
        Assert.Equal(0, rule.OnFraction, 9);
    }
}
