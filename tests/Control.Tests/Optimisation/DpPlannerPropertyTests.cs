using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class DpPlannerPropertyTests
{
    private static readonly PlannerSource[] Hybrid = [PlanFixtures.Miner, PlanFixtures.HeatPump, PlanFixtures.Boiler];
    private static readonly DpPlanner Planner = new(new PlannerOptions { AirGridStep = 0.5, MassGridStep = 0.5 });

    [Property(MaxTest = 40)]
    public Property Settings_never_exceed_power_limits_or_leave_the_allowed_levels(
        NormalFloat price, NormalFloat outdoor, NormalFloat room, NormalFloat hashprice)
    {
        var p = Math.Clamp(price.Get, -0.2, 1.0);
        var o = Math.Clamp(outdoor.Get, -15, 15);
        var t = Math.Clamp(room.Get + 19, 12, 26);
        var request = PlanFixtures.Request(Hybrid, count: 12, outdoor: o, price: _ => p, hashprice: Math.Clamp(Math.Abs(hashprice.Get) / 100, 0, 0.1));
        var decision = Planner.Choose(Planner.Solve(request, t), 0, t, t, PlanFixtures.AllOff(Hybrid));

        return Hybrid.All(source =>
        {
            var watts = decision.Settings.Single(s => s.Id == source.Id).Watts;
            var allowed = source.Modulating
                ? watts == 0 || (watts >= source.Levels[1] - 1e-9 && watts <= source.MaximumWatts + 1e-9)
                : source.Levels.Contains(watts);
            return allowed && watts <= source.MaximumWatts;
        }).ToProperty();
    }

    [Property(MaxTest = 40)]
    public Property Never_asks_for_a_switch_that_a_minimum_on_or_off_time_forbids(
        bool minerOn, bool hpOn, bool gasOn, PositiveInt minerAge, PositiveInt hpAge, PositiveInt gasAge, NormalFloat room)
    {
        var t = Math.Clamp(room.Get + 20, 12, 26);
        var statuses = new[]
        {
            new SourceStatus("miner", minerOn ? 1750 : 0, TimeSpan.FromMinutes(minerAge.Get % 30)),
            new SourceStatus("hp", hpOn ? 4000 : 0, TimeSpan.FromMinutes(hpAge.Get % 30)),
            new SourceStatus("gas", gasOn ? 6000 : 0, TimeSpan.FromMinutes(gasAge.Get % 30)),
        };
        var request = PlanFixtures.Request(Hybrid, count: 12, outdoor: 3);
        var decision = Planner.Choose(Planner.Solve(request, t), 0, t, t, statuses);

        return Hybrid.All(source =>
        {
            var status = statuses.Single(s => s.Id == source.Id);
            var on = decision.Settings.Single(s => s.Id == source.Id).Watts > 0;
            var lockedOn = status.Running && status.SinceLastSwitch < source.MinimumOnTime;
            var lockedOff = !status.Running && status.SinceLastSwitch < source.MinimumOffTime;
            return (!lockedOn || on) && (!lockedOff || !on);
        }).ToProperty();
    }

    [Property(MaxTest = 15)]
    public Property Comfort_is_kept_whenever_the_sources_outrun_the_heat_loss(NormalFloat outdoor, NormalFloat price)
    {
        var o = Math.Clamp(outdoor.Get, -10, 10);
        var p = Math.Clamp(Math.Abs(price.Get), 0.05, 0.6);
        var request = PlanFixtures.Request(Hybrid, count: 48, outdoor: o, price: k => k % 8 < 4 ? p : p * 2);
        var solution = Planner.Solve(request, 20.5);
        var steps = Planner.Rollout(solution, 21.4, 20.8, PlanFixtures.AllOff(Hybrid), 48);

        return steps.Select((s, k) => s.PredictedAirTemperature >= Math.Max(request.Slots[k].LowerBound,
            request.Slots[Math.Min(k + 1, 47)].LowerBound) - 0.1).All(x => x).ToProperty();
    }
}
