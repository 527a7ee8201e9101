using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class DpPlannerTests
{
    private static readonly PlannerSource[] MinerAndHeatPump = [PlanFixtures.Miner, PlanFixtures.HeatPump];

    [Fact]
    public void Keeps_the_comfort_band_when_the_sources_can()
    {
        var planner = new DpPlanner();
        var sources = new[] { PlanFixtures.Miner, PlanFixtures.Resistive };
        var request = PlanFixtures.Request(sources, count: 96, outdoor: 0);
        var solution = planner.Solve(request, 20);

        var steps = planner.Rollout(solution, 21.5, 20.5, PlanFixtures.AllOff(sources), 96);

        for (var k = 0; k < steps.Count; k++)
        {
            var next = request.Slots[Math.Min(k + 1, steps.Count - 1)];
            var lower = Math.Max(request.Slots[k].LowerBound, next.LowerBound);
            Assert.True(steps[k].PredictedAirTemperature >= lower - 0.05, $"slot {k}: {steps[k].PredictedAirTemperature:F2} < {lower}");
            Assert.True(steps[k].PredictedAirTemperature <= request.Slots[k].UpperBound + 0.05);
        }
    }

    [Fact]
    public void Picks_the_heat_pump_when_electricity_is_dear_and_the_miner_when_it_is_cheap()
    {
        var planner = new DpPlanner();
        var dear = planner.Solve(PlanFixtures.Request(MinerAndHeatPump, count: 48, price: _ => 0.40, lower: 21), 20);
        var cheap = planner.Solve(PlanFixtures.Request(MinerAndHeatPump, count: 48, price: _ => 0.03, lower: 21), 20);
        var off = PlanFixtures.AllOff(MinerAndHeatPump);

        var dearSteps = planner.Rollout(dear, 21.3, 20.5, off, 48);
        var cheapSteps = planner.Rollout(cheap, 21.3, 20.5, off, 48);

        double Heat(IEnumerable<PlanDecision> steps, string id) => steps.Sum(s => s.Settings.Single(x => x.Id == id).Watts);
        Assert.True(Heat(dearSteps, "hp") > 3 * Heat(dearSteps, "miner"), "heat pump should carry the load at 0.40 €/kWh");
        Assert.True(Heat(cheapSteps, "miner") > 3 * Heat(cheapSteps, "hp"), "the miner should carry the load at 0.03 €/kWh");
    }

    [Fact]
    public void Runs_the_miner_for_profit_when_power_is_cheaper_than_its_revenue_even_without_heat_demand()
    {
        var planner = new DpPlanner();
        var sources = new[] { PlanFixtures.Miner };
        var request = PlanFixtures.Request(sources, count: 8, outdoor: 15, price: _ => -0.05, lower: 15);
        var decision = planner.Choose(planner.Solve(request, 20), 0, 20, 20, PlanFixtures.AllOff(sources));

        Assert.Equal(3500, decision.Settings.Single().Watts);
        Assert.True(decision.SlotCostEur < 0);
    }

    [Fact]
    public void Preheats_into_cheap_hours_ahead_of_an_expensive_block()
    {
        var planner = new DpPlanner();
        var sources = new[] { PlanFixtures.Miner, PlanFixtures.Resistive };
        double Price(int k) => k < 16 ? 0.05 : (k < 40 ? 0.80 : 0.30);
        var flat = planner.Solve(PlanFixtures.Request(sources, count: 64, outdoor: 0, lower: 20), 20);
        var peaky = planner.Solve(PlanFixtures.Request(sources, count: 64, outdoor: 0, price: Price, lower: 20), 20);
        var off = PlanFixtures.AllOff(sources);

        var before = planner.Rollout(peaky, 20.5, 20, off, 16).Sum(d => d.Settings.Sum(s => s.Watts));
        var baseline = planner.Rollout(flat, 20.5, 20, off, 16).Sum(d => d.Settings.Sum(s => s.Watts));

        Assert.True(before > baseline * 1.2, $"heat before the peak {before} vs flat {baseline}");
    }

    [Fact]
    public void A_source_inside_its_minimum_on_time_stays_on_and_one_inside_its_minimum_off_time_stays_off()
    {
        var planner = new DpPlanner();
        var request = PlanFixtures.Request(MinerAndHeatPump, count: 16, outdoor: 10, lower: 15);
        var solution = planner.Solve(request, 20);
        var statuses = new[]
        {
            new SourceStatus("miner", 0, TimeSpan.FromMinutes(2)),
            new SourceStatus("hp", 2400, TimeSpan.FromMinutes(15)),
        };

        // Warm house, mild weather: no heat is wanted, yet the heat pump must finish its minimum run.
        var decision = planner.Choose(solution, 0, 23.5, 23, statuses);

        Assert.True(decision.Settings.Single(s => s.Id == "hp").Watts > 0);
        Assert.Equal(0, decision.Settings.Single(s => s.Id == "miner").Watts);
    }

    [Fact]
    public void Hydronic_settings_carry_a_flow_temperature_within_the_curve_limits()
    {
        var planner = new DpPlanner();
        var request = PlanFixtures.Request(MinerAndHeatPump, count: 16, outdoor: -8, lower: 21);
        var decision = planner.Choose(planner.Solve(request, 19), 0, 20, 19, PlanFixtures.AllOff(MinerAndHeatPump));

        var hp = decision.Settings.Single(s => s.Id == "hp");
        Assert.True(hp.Watts > 0);
        Assert.InRange(hp.FlowTemperature!.Value, 25, 55);
    }
}
